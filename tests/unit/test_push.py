"""The class's stream (live/push.py) without a server: what a message says, when two views share a
key, and the hub's fan-out over the in-process store (first state, changes in order, a late
state never overtakes a newer one, the end closes every stream, a browser's streams bounded)."""

from __future__ import annotations

import asyncio
import json

import pytest

from live import push, store
from live.store import MemoryStore

VIEW = {"page": "cell", "params": {"t": "3", "cell": "lstm", "seed": "1"}, "pace": {"lock": False}}
Q = {"id": "q1", "spec": {"answer": "up"}, "options": ["up", "down"], "revealed": False}


def test_a_key_changes_with_everything_but_the_step():
    key = push.view_key(VIEW, None)
    assert push.view_key(dict(VIEW, params=dict(VIEW["params"], t="9")), None) == key  # a step: same key
    for other in (
        dict(VIEW, page="layers"),
        dict(VIEW, params=dict(VIEW["params"], seed="2")),
        dict(VIEW, pace={"lock": True}),
    ):
        assert push.view_key(other, None) != key
    asked = push.view_key(VIEW, Q)
    assert asked != key
    # a step question's reveal keeps the key (the browser shows it from the message, with no rerun) ...
    assert push.view_key(VIEW, dict(Q, revealed=True)) == asked
    assert push.view_key(VIEW, dict(Q, spec={"answer": "down"})) == asked  # the spec is not in the key
    # ... a question about a whole series changes it when revealed: the lesson's chart appears (a rerun)
    series = dict(Q, spec={"answer": "up", "step": -1})
    assert push.view_key(VIEW, dict(series, revealed=True)) not in (key, asked, push.view_key(VIEW, series))


def test_a_message_says_the_state_and_nothing_of_the_question_or_the_key():
    s = MemoryStore()
    code, secret = s.create()
    s.publish(code, secret, VIEW)
    s.ask(code, secret, Q)
    msg = push.message(s.get(code))
    assert msg == {"state": "live", "v": 2, "key": push.view_key(VIEW, Q), "t": 2}
    text = json.dumps(msg)
    assert secret not in text and "answer" not in text and "up" not in text
    assert push.message(None) == {"state": "ended"} and push.message(None, down=True) == {"state": "paused"}


def test_a_reveal_brings_the_answer_and_why_in_each_language_and_nothing_before():
    s = MemoryStore()
    code, secret = s.create()
    s.publish(code, secret, VIEW)
    s.ask(code, secret, Q)
    before = push.message(s.get(code))
    shown = {
        "answer": "up",
        "why": {"en": "Because.", "zh": "因为。"},
        "answer_label": {"en": "Up", "zh": "上升"},
    }
    s.reveal(code, secret, shown)
    msg = push.message(s.get(code))
    assert "reveal" not in before and before["key"] == msg["key"] and msg["v"] == before["v"] + 1
    assert msg["reveal"] == {"id": "q1", **shown}
    assert secret not in json.dumps(msg) and "spec" not in json.dumps(msg)


@pytest.fixture
def hub(monkeypatch):
    s = MemoryStore()
    monkeypatch.setattr(store, "_STORE", s)
    h = push.Hub()
    return h, s


def run(coro):
    """In a thread of its own: Playwright's sync API (tests/e2e, earlier in the same pytest process)
    leaves an event loop running in this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coro, timeout=20)).result()


async def collect(h, s_: push._Stream, first: dict, out: list) -> None:
    async for frame in h.frames(s_, first):
        for block in frame.decode().split("\n\n"):
            if block.startswith("data: "):
                out.append(json.loads(block[6:]))


def test_the_hub_fans_every_change_out_in_order_and_closes_at_the_end(hub):
    h, s = hub

    async def go():
        await h.start()
        code, secret = s.create()
        s.publish(code, secret, VIEW)
        streams = []
        for k in range(3):
            s.get(code, f"{k:016x}")  # a student who joined (their app read the class)
            status, first, st = await h.open(code, f"{k:016x}")
            assert status == 200 and first["t"] == 2
            out: list = []
            streams.append((asyncio.create_task(collect(h, st, first, out)), out))
        await asyncio.sleep(0.05)
        for t in (4, 5, 6):  # the teacher's steps, from the teacher's thread
            await asyncio.to_thread(
                s.publish, code, secret, dict(VIEW, params=dict(VIEW["params"], t=str(t)))
            )
            await asyncio.sleep(0.05)
        h._deliver(code, push.message(s.get(code)) | {"v": 1, "t": 0})  # a state read late: ignored
        await asyncio.to_thread(s.end, code, secret)
        for task, out in streams:
            await task  # the stream ends with the class
            assert [m.get("t") for m in out] == [2, 3, 4, 5, None]
            assert out[-1] == {"state": "ended"}
        assert h.count() == 0
        status, body, _ = await h.open(code, "0" * 16)
        assert status == 404 and body["state"] == "ended"
        code2, _ = s.create()  # a running class, but a token that never joined it: the same answer
        assert (await h.open(code2, "1" * 16))[:2] == (404, body)
        await h.stop()

    run(go())


def test_a_browser_holds_at_most_a_few_streams(hub):
    h, s = hub

    async def go():
        await h.start()
        code, secret = s.create()
        s.publish(code, secret, VIEW)
        s.get(code, "a" * 16)
        opened = [await h.open(code, "a" * 16) for _ in range(push.PER_STUDENT + 1)]
        assert [st.closed for _, _, st in opened] == [True] + [False] * push.PER_STUDENT
        assert h.count() == push.PER_STUDENT
        await h.stop()

    run(go())


def test_the_store_going_away_says_paused_and_coming_back_says_the_state(hub):
    h, s = hub

    async def go():
        await h.start()
        code, secret = s.create()
        s.publish(code, secret, VIEW)
        s.get(code, "b" * 16)
        _, first, st = await h.open(code, "b" * 16)
        out: list = []
        task = asyncio.create_task(collect(h, st, first, out))
        await asyncio.sleep(0.05)
        await asyncio.to_thread(h.went_down)
        await asyncio.sleep(0.05)
        await asyncio.to_thread(h.changed, None)  # back: every class's state again
        await asyncio.sleep(0.05)
        assert [m["state"] for m in out] == ["live", "paused", "live"]
        assert out[-1] == out[0]
        await h.stop()
        await task

    run(go())
