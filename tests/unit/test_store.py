"""The live class's store, in this process and in a real redis-server: only the teacher's key
changes a class, one answer per student is counted, counts carry no names, idle classes expire,
and a store that goes away says so (the class pauses) instead of failing the app."""

from __future__ import annotations

import time

import pytest

from deploy.replicas import redis_server
from live.store import ALPHABET, MemoryStore, NotTeacher, RedisStore, StoreDown, valid_code


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as r:
        yield r["url"]


@pytest.fixture(params=["memory", "redis"])
def store(request):
    if request.param == "memory":
        return MemoryStore()
    return RedisStore(request.getfixturevalue("redis_url"))


QUESTION = {"id": "q1", "spec": {"kind": "state_dir"}, "options": ["up", "down", "same"], "revealed": False}


def test_a_class_has_a_readable_code_and_a_separate_key(store):
    code, secret = store.create()
    assert valid_code(code) and len(code) == 6 and set(code) <= set(ALPHABET)
    assert not set(code) & set("0O1IL2Z5S8B")  # nothing to mishear or misread
    assert secret not in code and len(secret) >= 16
    assert (
        store.is_teacher(code, secret) and not store.is_teacher(code, code) and not store.is_teacher(code, "")
    )
    c = store.get(code)
    assert c.version == 0 and c.view == {} and c.question is None


def test_only_the_teachers_key_changes_the_class(store):
    code, secret = store.create()
    view = {"page": "cell", "params": {"t": "5", "cell": "lstm"}}
    store.publish(code, secret, view)
    assert store.get(code).view == view and store.get(code).version == 1
    for wrong in ("", code, secret[:-1] + "x"):
        with pytest.raises(NotTeacher):
            store.publish(code, wrong, {"page": "why", "params": {}})
        with pytest.raises(NotTeacher):
            store.ask(code, wrong, QUESTION)
        with pytest.raises(NotTeacher):
            store.end(code, wrong)
    assert store.get(code).view == view and store.get(code).version == 1


def test_answers_are_counted_once_per_student_and_carry_no_names(store):
    code, secret = store.create()
    store.ask(code, secret, QUESTION)
    assert store.answer(code, "q1", "student-a", "up")
    assert store.answer(code, "q1", "student-b", "down")
    assert store.answer(code, "q1", "student-a", "down")  # a changed mind replaces the first answer
    assert not store.answer(code, "q1", "student-c", "sideways")  # not an option
    assert not store.answer(code, "other", "student-c", "up")  # not the open question
    c = store.get(code)
    assert c.counts == {"down": 2}
    assert "student-a" not in repr(c) and "student-b" not in repr(c)  # what the teacher's app gets
    store.reveal(code, secret)
    assert store.get(code).question["revealed"]
    assert not store.answer(code, "q1", "student-c", "up")  # closed once revealed
    store.ask(code, secret, dict(QUESTION, id="q2"))
    assert store.get(code).counts == {}  # a new question starts from zero


def test_students_present_are_counted_not_named(store):
    code, _ = store.create()
    for token in ("a", "b", "b", "c"):
        store.get(code, token)
    assert store.get(code).students == 3


def test_an_ended_or_unknown_class_is_gone(store):
    code, secret = store.create()
    store.end(code, secret)
    assert store.get(code) is None
    assert store.get("ACDEFG") is None


def test_an_idle_class_expires():
    s = MemoryStore(idle=0.2)
    code, secret = s.create()
    s.publish(code, secret, {"page": "cell", "params": {}})
    time.sleep(0.3)
    assert s.get(code) is None


def test_an_idle_class_expires_in_redis(redis_url):
    s = RedisStore(redis_url, idle=1)
    code, secret = s.create()
    s.publish(code, secret, {"page": "cell", "params": {}})
    assert s.r.ttl(f"gatelab:class:{code}") <= 1
    time.sleep(1.3)
    assert s.get(code) is None


def test_redis_going_away_is_a_paused_class_not_a_crash():
    with redis_server() as r:
        s = RedisStore(r["url"])
        code, secret = s.create()
        r["proc"].terminate()
        r["proc"].wait(10)
        for call in (lambda: s.get(code), lambda: s.publish(code, secret, {}), s.create):
            with pytest.raises(StoreDown):
                call()


def test_wrong_join_codes_are_limited_per_client_and_say_when_to_try_again(store):
    from live.store import WRONG_CODES, WRONG_CODES_WINDOW

    client = f"203.0.113.{time.time_ns() % 250}"  # a fresh client for each store
    for n in range(WRONG_CODES - 1):
        assert store.join_wait(client) == 0
        assert store.join_wait(client, wrong=True) == 0, n
    wait = store.join_wait(client, wrong=True)  # the last wrong code allowed in the window
    assert 0 < wait <= WRONG_CODES_WINDOW
    assert 0 < store.join_wait(client) <= WRONG_CODES_WINDOW  # checked, not counted: still waiting
    assert store.join_wait(client + "1") == 0  # another client is not held back
    store.create()  # the classes themselves are untouched
    assert store.join_wait(client) > 0


def test_the_join_limit_holds_across_replicas_sharing_redis(redis_url):
    a, b = RedisStore(redis_url), RedisStore(redis_url)  # two replicas
    for _ in range(5):
        a.join_wait("198.51.100.7", wrong=True)
    for _ in range(5):
        b.join_wait("198.51.100.7", wrong=True)
    assert a.join_wait("198.51.100.7") > 0 and b.join_wait("198.51.100.7") > 0


def test_the_join_window_ends(monkeypatch):
    import live.store as live_store

    monkeypatch.setattr(live_store, "WRONG_CODES_WINDOW", 1)
    s = MemoryStore()
    for _ in range(live_store.WRONG_CODES):
        s.join_wait("x", wrong=True)
    assert s.join_wait("x") > 0
    time.sleep(1.1)
    assert s.join_wait("x") == 0


def test_wrong_teacher_keys_are_limited_per_client_apart_from_join_codes(store):
    from live.store import WRONG_CODES, WRONG_KEYS, WRONG_KEYS_WINDOW

    client = f"192.0.2.{time.time_ns() % 250}"
    for n in range(WRONG_KEYS - 1):
        assert store.key_wait(client) == 0
        assert store.key_wait(client, wrong=True) == 0, n
    wait = store.key_wait(client, wrong=True)  # the last wrong key allowed in the window
    assert 0 < wait <= WRONG_KEYS_WINDOW
    assert 0 < store.key_wait(client) <= WRONG_KEYS_WINDOW  # checked, not counted: still waiting
    assert store.key_wait(client + "1") == 0  # another client is not held back
    assert store.join_wait(client) == 0  # nor are this client's join codes: a separate count …
    for _ in range(WRONG_CODES):
        store.join_wait(client + "9", wrong=True)
    assert store.join_wait(client + "9") > 0 and store.key_wait(client + "9") == 0  # … both ways


def test_the_key_limit_holds_across_replicas_sharing_redis(redis_url):
    from live.store import WRONG_KEYS

    a, b = RedisStore(redis_url), RedisStore(redis_url)  # two replicas
    for n in range(WRONG_KEYS):
        (a, b)[n % 2].key_wait("198.51.100.9", wrong=True)
    assert a.key_wait("198.51.100.9") > 0 and b.key_wait("198.51.100.9") > 0


def test_the_key_window_ends(monkeypatch):
    import live.store as live_store

    monkeypatch.setattr(live_store, "WRONG_KEYS_WINDOW", 1)
    s = MemoryStore()
    for _ in range(live_store.WRONG_KEYS):
        s.key_wait("x", wrong=True)
    assert s.key_wait("x") > 0 and s.join_wait("x") == 0
    time.sleep(1.1)
    assert s.key_wait("x") == 0


def test_a_student_finds_their_own_answer_again_and_only_to_the_open_question(store):
    code, secret = store.create()
    store.ask(code, secret, QUESTION)
    assert store.answer_of(code, "q1", "tok-a") is None  # not answered yet
    store.answer(code, "q1", "tok-a", "up")
    store.answer(code, "q1", "tok-a", "down")  # a second tab or a reload: the same browser, one answer
    assert store.answer_of(code, "q1", "tok-a") == "down" and store.get(code).counts == {"down": 1}
    assert store.answer_of(code, "q1", "tok-b") is None and store.answer_of(code, "q0", "tok-a") is None
    store.ask(code, secret, None)  # the class moved on: the question is closed
    assert store.answer_of(code, "q1", "tok-a") is None and store.get(code).question is None


def test_the_teacher_sees_how_many_follow_and_explore_counts_only(store):
    code, _ = store.create()
    for token in ("a", "b", "c"):
        store.get(code, token)  # present
    store.mark(code, "b", "exploring")
    store.mark(code, "c", "following")
    assert store.statuses(code) == {"following": 2, "exploring": 1}
    store.mark(code, "b", "following")
    assert store.statuses(code) == {"following": 3}


def test_the_diagram_is_the_teachers_to_store_and_every_students_to_read(store):
    """The hall view's data (live/hall.py): only the teacher's key stores it, one text per language,
    read back as stored; another class has none; it goes with the class."""
    code, secret = store.create()
    other, _ = store.create()
    with pytest.raises(NotTeacher):
        store.show(code, "not the key", "k1", {"en": "{}"})
    assert store.diagram(code, "en") is None
    store.show(code, secret, "k1", {"en": '{"a":1}', "zh": '{"a":"一"}'})
    assert store.diagram(code, "en") == ("k1", '{"a":1}')
    assert store.diagram(code, "zh") == ("k1", '{"a":"一"}')
    assert store.diagram(code, "fr") is None and store.diagram(other, "en") is None
    store.show(code, secret, "k2", {"en": '{"a":2}'})  # another view replaces the whole of it
    assert store.diagram(code, "en") == ("k2", '{"a":2}') and store.diagram(code, "zh") is None
    v = store.get(code).version
    store.show(code, secret, "k3", {"en": "{}"})
    assert store.get(code).version == v  # not a move of the class: no message, no student's rerun
    store.end(code, secret)
    assert store.diagram(code, "en") is None
