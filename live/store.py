"""Where a live class lives: its view, its question and the class's answers.

Two stores with one interface. ``MemoryStore`` (the default) keeps classes in
this process: one Streamlit process serves the whole class, no setup. With
``GATELAB_REDIS_URL`` set, ``RedisStore`` keeps them in Redis, so that
several replicas behind nginx serve one class. A class is:

    code      4–8 capital letters and digits, easy to read aloud (no 0/O, 1/I/L, 2/Z, 5/S, 8/B)
    secret    the teacher's key, separate from the code: only it can change the class
    view      the teacher's view: {"page": url path, "params": the link's fields} and a version
    question  the question put to the class (its spec, so each student's app words it in its
              own language), whether it is revealed, and the count for each option
    diagram   the stepper's data of the teacher's view, in each language, as a student's stepper
              gets it, with the key of the view it belongs to (``live.hall``: a student who opens
              the link sees it before their app's first run)

Nothing personal is stored: a student is an anonymous random token (to count
one answer per student and the students present), answers are counts. A
class nobody touches for ``IDLE`` seconds is gone.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"  # no look-alikes read aloud or on a projector
CODE_LEN = 6
IDLE = 3 * 3600  # seconds: a class idle this long expires
PRESENT = 15  # seconds: a student seen this recently counts as present
# Wrong join codes a client may try per window. A class behind one school address can mistype a few;
# a script trying codes gets 10 every 5 minutes, ~2,900 a day, against 25^6 = 2.4e8 codes.
WRONG_CODES = 10
WRONG_CODES_WINDOW = 300  # seconds
# Wrong teacher keys (a link's ``teach=``, a pasted teacher link) a client may try per window. A key is
# 128 random bits, so this only slows a script down; a teacher who mistypes a few times is not held back.
WRONG_KEYS = 5
WRONG_KEYS_WINDOW = 600  # seconds


class StoreDown(Exception):
    """The store cannot be reached (Redis went away): the class is paused; every app still works alone."""


class NotTeacher(Exception):
    """A change to a class without its teacher's key."""


@dataclass
class ClassState:
    code: str
    version: int = 0  # bumped at every change of the view or the question
    view: dict = field(default_factory=dict)  # {"page": …, "params": {…}}
    question: dict | None = None  # {"id", "spec", "options", "revealed"; once revealed "shown": what all see}
    counts: dict = field(default_factory=dict)  # option -> count, for the current question
    students: int = 0  # present now


def valid_code(code: str) -> bool:
    return 4 <= len(code) <= 8 and all(c in ALPHABET for c in code)


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LEN))


class MemoryStore:
    """Classes in this process (thread-safe: Streamlit runs sessions in threads)."""

    def __init__(self, idle: float = IDLE):
        self._lock = threading.Lock()
        self._classes: dict[str, dict] = {}
        self._wrong: dict[tuple[str, str], tuple[int, float]] = {}  # (what, client) -> (wrong, window's end)
        self.idle = idle
        self._listeners: list = []  # (on_change, on_down): ``subscribe``

    def subscribe(self, on_change, on_down=None):
        """Call ``on_change(code)`` after every change of a class's view, question or end (in the
        changing thread, after the change). ``on_down`` is never called: this store cannot go away.
        Returns a function that stops it."""
        pair = (on_change, on_down)
        self._listeners.append(pair)
        return lambda: self._listeners.remove(pair) if pair in self._listeners else None

    def _changed(self, code: str) -> None:
        for on_change, _ in list(self._listeners):
            on_change(code)

    def seen(self, code: str, students: list[str]) -> None:
        """These students are present now (their browsers hold the class's stream, ``live.push``)."""
        with self._lock:
            k = self._get(code)
            if k is not None:
                now = time.time()
                for s in students:
                    k["seen"][s] = now

    def join_wait(self, client: str, wrong: bool = False) -> int:
        """Seconds until ``client`` may try another join code (0: now). ``wrong=True`` first counts a
        wrong code it just tried. Counted per client in the store, so the limit holds across replicas."""
        return self._wait("code", client, wrong, WRONG_CODES, WRONG_CODES_WINDOW)

    def key_wait(self, client: str, wrong: bool = False) -> int:
        """As ``join_wait``, for teacher keys: seconds until ``client``'s next teacher key is checked."""
        return self._wait("key", client, wrong, WRONG_KEYS, WRONG_KEYS_WINDOW)

    def _wait(self, what: str, client: str, wrong: bool, limit: int, window: float) -> int:
        with self._lock:
            now = time.time()
            n, end = self._wrong.get((what, client), (0, 0.0))
            if end <= now:
                n, end = 0, now + window
            if wrong:
                n += 1
                self._wrong[(what, client)] = (n, end)
            if len(self._wrong) > 10_000:  # forget windows that are over
                self._wrong = {c: v for c, v in self._wrong.items() if v[1] > now}
            return max(1, int(end - now + 0.999)) if n >= limit else 0

    def _purge(self, now: float) -> None:
        for code in [c for c, k in self._classes.items() if now - k["touched"] > self.idle]:
            del self._classes[code]

    def create(self) -> tuple[str, str]:
        """A new class: (code, teacher's secret)."""
        with self._lock:
            now = time.time()
            self._purge(now)
            code = _new_code()
            while code in self._classes:
                code = _new_code()
            secret = secrets.token_urlsafe(16)
            self._classes[code] = {
                "secret": secret,
                "version": 0,
                "view": {},
                "question": None,
                "answers": {},
                "seen": {},
                "touched": now,
            }
            return code, secret

    def _get(self, code: str) -> dict | None:
        k = self._classes.get(code)
        if k is not None and time.time() - k["touched"] > self.idle:
            del self._classes[code]
            return None
        return k

    def get(self, code: str, student: str = "") -> ClassState | None:
        """The class (None: no such class, or it expired); ``student`` marks a student present."""
        with self._lock:
            k = self._get(code)
            if k is None:
                return None
            now = time.time()
            if student:
                k["seen"][student] = now
            students = sum(1 for t in k["seen"].values() if now - t < PRESENT)
            counts: dict[str, int] = {}
            for option in k["answers"].values():
                counts[option] = counts.get(option, 0) + 1
            return ClassState(code, k["version"], dict(k["view"]), k["question"], counts, students)

    def member(self, code: str, student: str) -> bool:
        """Whether ``student`` joined class ``code`` (its app read the class with this token): only
        they may open the class's stream, so the stream tells nobody else whether a code exists."""
        with self._lock:
            k = self._get(code)
            return k is not None and student in k["seen"]

    def is_teacher(self, code: str, secret: str) -> bool:
        with self._lock:
            k = self._get(code)
            return k is not None and hmac.compare_digest(k["secret"], secret or "")

    def _teacher(self, code: str, secret: str) -> dict:
        k = self._get(code)
        if k is None or not hmac.compare_digest(k["secret"], secret or ""):
            raise NotTeacher(code)
        k["touched"] = time.time()
        k["version"] += 1
        return k

    def publish(self, code: str, secret: str, view: dict) -> None:
        with self._lock:
            self._teacher(code, secret)["view"] = view
        self._changed(code)

    def ask(self, code: str, secret: str, question: dict | None) -> None:
        """Put a question to the class (None: take it back); the answers start from zero."""
        with self._lock:
            k = self._teacher(code, secret)
            k["question"], k["answers"] = question, {}
        self._changed(code)

    def reveal(self, code: str, secret: str, shown: dict | None = None) -> None:
        """The answer is out: ``shown`` is what every student may now see of it (the answer and
        why, in each language), which the class's stream carries to every screen."""
        with self._lock:
            k = self._teacher(code, secret)
            if k["question"] is not None:
                k["question"] = dict(k["question"], revealed=True, shown=shown)
        self._changed(code)

    def show(self, code: str, secret: str, key: str, diagram: dict[str, str]) -> None:
        """The stepper's data of the teacher's view ``key`` (``live.hall.diagram_key``), as JSON text in
        each language. Not a change of the class: no version, no message (a student's app draws its
        own); only a student still waiting for their app reads it (``live.hall``)."""
        with self._lock:
            k = self._get(code)
            if k is None or not hmac.compare_digest(k["secret"], secret or ""):
                raise NotTeacher(code)
            k["diagram"] = (key, dict(diagram))

    def diagram(self, code: str, language: str) -> tuple[str, str] | None:
        """(the view's key, the stepper's data as JSON text in ``language``) of ``show``, or None."""
        with self._lock:
            k = self._get(code)
            found = k and k.get("diagram")
            if not found or language not in found[1]:
                return None
            return found[0], found[1][language]

    def answer(self, code: str, question_id: str, student: str, option: str) -> bool:
        """One student's answer to the open question (their last one counts). False if it is not open."""
        with self._lock:
            k = self._get(code)
            q = k and k["question"]
            if not q or q["id"] != question_id or q.get("revealed") or option not in q["options"]:
                return False
            k["answers"][student] = option
            return True

    def mark(self, code: str, student: str, status: str) -> None:
        """What a student is doing ("following" or "exploring"): counts only, for the teacher."""
        with self._lock:
            k = self._get(code)
            if k is not None:
                k.setdefault("status", {})[student] = status

    def statuses(self, code: str) -> dict[str, int]:
        """How many students present are following, exploring: {status: count}."""
        with self._lock:
            k = self._get(code)
            if k is None:
                return {}
            now, out = time.time(), {}
            for student, seen in k["seen"].items():
                if now - seen < PRESENT:
                    status = k.get("status", {}).get(student, "following")
                    out[status] = out.get(status, 0) + 1
            return out

    def answer_of(self, code: str, question_id: str, student: str) -> str | None:
        """The answer ``student`` gave to the question ``question_id`` (None: none, or another question)."""
        with self._lock:
            k = self._get(code)
            q = k and k["question"]
            if not q or q["id"] != question_id:
                return None
            return k["answers"].get(student)

    def end(self, code: str, secret: str) -> None:
        with self._lock:
            self._teacher(code, secret)
            del self._classes[code]
        self._changed(code)


class RedisStore:
    """Classes in Redis: one hash per class (``gatelab:class:CODE``), its answers in a second hash and
    the students present in a sorted set, all expiring after ``IDLE`` seconds without a change."""

    def __init__(self, url: str, idle: float = IDLE):
        import redis

        self.url = url
        self.r = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.idle = int(idle)

    EVENTS = "gatelab:events:"  # + code: a class changed (pub/sub: every replica's streams hear it)

    def subscribe(self, on_change, on_down=None):
        """Hear every class's changes, from every replica (Redis pub/sub), in a thread of its own:
        ``on_change(code)`` after a change; ``on_down()`` when Redis goes away, then
        ``on_change(None)`` once it is back (anything may have changed meanwhile). Reconnects with
        backoff (0.5 s doubling to 5 s). Returns a function that stops it."""
        import redis

        stop = threading.Event()

        def run():
            delay, down = 0.5, False
            while not stop.is_set():
                try:
                    client = redis.Redis.from_url(
                        self.url, socket_connect_timeout=0.5, health_check_interval=5
                    )
                    pubsub = client.pubsub(ignore_subscribe_messages=True)
                    pubsub.psubscribe(self.EVENTS + "*")
                    if down:
                        down = False
                        on_change(None)
                    delay = 0.5
                    while not stop.is_set():
                        m = pubsub.get_message(timeout=1.0)
                        if m and m.get("type") == "pmessage":
                            try:
                                on_change(m["channel"].decode()[len(self.EVENTS) :])
                            except Exception:  # one class's trouble never stops the others' streams
                                logging.getLogger("gatelab").exception("a class's change was not passed on")
                    pubsub.close()
                except (redis.ConnectionError, redis.TimeoutError, OSError):
                    if not down and on_down is not None:
                        on_down()
                    down = True
                    stop.wait(delay)
                    delay = min(2 * delay, 5.0)

        threading.Thread(target=run, name="gatelab-class-events", daemon=True).start()
        return stop.set

    def seen(self, code: str, students: list[str]) -> None:
        """As ``MemoryStore.seen``: one round trip for all of a class's streams on this replica."""
        if not students:
            return
        seen = self._keys(code)[2]
        now = time.time()

        def go():
            pipe = self.r.pipeline()
            pipe.zadd(seen, dict.fromkeys(students, now))
            pipe.expire(seen, self.idle)
            pipe.execute()

        self._call(go)

    def _call(self, fn):
        import redis

        try:
            return fn()
        except (redis.ConnectionError, redis.TimeoutError) as e:
            raise StoreDown(str(e)) from None

    def join_wait(self, client: str, wrong: bool = False) -> int:
        """As ``MemoryStore.join_wait``: one counter per client (``gatelab:wrong:CLIENT``) that expires
        with its window, shared by every replica."""
        return self._wait(f"gatelab:wrong:{client}", wrong, WRONG_CODES, WRONG_CODES_WINDOW)

    def key_wait(self, client: str, wrong: bool = False) -> int:
        """As ``MemoryStore.key_wait``, shared by every replica (``gatelab:wrongkey:CLIENT``)."""
        return self._wait(f"gatelab:wrongkey:{client}", wrong, WRONG_KEYS, WRONG_KEYS_WINDOW)

    def _wait(self, key: str, wrong: bool, limit: int, window: int) -> int:
        def go():
            pipe = self.r.pipeline()
            if wrong:
                pipe.set(key, 0, ex=window, nx=True)  # the window starts at the first wrong one
                pipe.incr(key)  # (keeps the expiry)
            pipe.get(key)
            pipe.ttl(key)
            *_, n, ttl = pipe.execute()
            return max(1, int(ttl)) if int(n or 0) >= limit else 0

        return self._call(go)

    @staticmethod
    def _keys(code: str) -> tuple[str, str, str]:
        base = f"gatelab:class:{code}"
        return base, base + ":answers", base + ":seen"

    def _touch(self, pipe, code: str) -> None:
        for key in (*self._keys(code), self._keys(code)[0] + ":diagram"):
            pipe.expire(key, self.idle)

    def create(self) -> tuple[str, str]:
        def go():
            secret = secrets.token_urlsafe(16)
            while True:
                code = _new_code()
                main = self._keys(code)[0]
                if self.r.hsetnx(main, "secret", secret):
                    pipe = self.r.pipeline()
                    pipe.hset(main, mapping={"version": 0, "view": "{}", "question": "null"})
                    pipe.expire(main, self.idle)
                    pipe.execute()
                    return code, secret

        return self._call(go)

    def get(self, code: str, student: str = "") -> ClassState | None:
        main, answers, seen = self._keys(code)

        def go():
            now = time.time()
            pipe = self.r.pipeline()
            if student:
                pipe.zadd(seen, {student: now})
                pipe.expire(seen, self.idle)
                pipe.sadd(main + ":members", student)
                pipe.expire(main + ":members", self.idle)
            pipe.zremrangebyscore(seen, 0, now - PRESENT)
            pipe.hmget(main, "version", "view", "question")
            pipe.hvals(answers)
            pipe.zcard(seen)
            *_, (version, view, question), votes, present = pipe.execute()
            if version is None:
                return None
            counts: dict[str, int] = {}
            for v in votes:
                counts[v.decode()] = counts.get(v.decode(), 0) + 1
            return ClassState(code, int(version), json.loads(view), json.loads(question), counts, present)

        return self._call(go)

    def member(self, code: str, student: str) -> bool:
        """As ``MemoryStore.member`` (``gatelab:class:CODE:members``, a set that expires with the class)."""
        main = self._keys(code)[0]
        pipe = self.r.pipeline()
        pipe.exists(main)
        pipe.sismember(main + ":members", student)
        there, joined = self._call(pipe.execute)
        return bool(there and joined)

    def is_teacher(self, code: str, secret: str) -> bool:
        stored = self._call(lambda: self.r.hget(self._keys(code)[0], "secret"))
        return stored is not None and hmac.compare_digest(stored.decode(), secret or "")

    def _teacher(self, code: str, secret: str) -> None:
        stored = self._call(lambda: self.r.hget(self._keys(code)[0], "secret"))
        if stored is None or not hmac.compare_digest(stored.decode(), secret or ""):
            raise NotTeacher(code)

    def _change(self, code: str, secret: str, mapping: dict, clear_answers: bool = False) -> None:
        self._teacher(code, secret)
        main, answers, _ = self._keys(code)

        def go():
            pipe = self.r.pipeline()
            pipe.hset(main, mapping=mapping)
            pipe.hincrby(main, "version", 1)
            if clear_answers:
                pipe.delete(answers)
            self._touch(pipe, code)
            pipe.publish(self.EVENTS + code, "1")
            pipe.execute()

        self._call(go)

    def publish(self, code: str, secret: str, view: dict) -> None:
        self._change(code, secret, {"view": json.dumps(view)})

    def ask(self, code: str, secret: str, question: dict | None) -> None:
        self._change(code, secret, {"question": json.dumps(question)}, clear_answers=True)

    def reveal(self, code: str, secret: str, shown: dict | None = None) -> None:
        self._teacher(code, secret)
        q = json.loads(self._call(lambda: self.r.hget(self._keys(code)[0], "question")) or "null")
        if q is not None:
            self._change(code, secret, {"question": json.dumps(dict(q, revealed=True, shown=shown))})

    def show(self, code: str, secret: str, key: str, diagram: dict[str, str]) -> None:
        """As ``MemoryStore.show`` (``gatelab:class:CODE:diagram``, a hash: the key and one field per
        language, expiring with the class)."""
        self._teacher(code, secret)
        where = self._keys(code)[0] + ":diagram"

        def go():
            pipe = self.r.pipeline()
            pipe.delete(where)
            pipe.hset(where, mapping={"key": key, **{"lang:" + a: b for a, b in diagram.items()}})
            pipe.expire(where, self.idle)
            pipe.execute()

        self._call(go)

    def diagram(self, code: str, language: str) -> tuple[str, str] | None:
        key, text = self._call(
            lambda: self.r.hmget(self._keys(code)[0] + ":diagram", "key", "lang:" + language)
        )
        return None if key is None or text is None else (key.decode(), text.decode())

    def answer(self, code: str, question_id: str, student: str, option: str) -> bool:
        main, answers, _ = self._keys(code)
        q = json.loads(self._call(lambda: self.r.hget(main, "question")) or "null")
        if not q or q["id"] != question_id or q.get("revealed") or option not in q["options"]:
            return False

        def go():
            pipe = self.r.pipeline()
            pipe.hset(answers, student, option)
            pipe.expire(answers, self.idle)
            pipe.execute()

        self._call(go)
        return True

    def mark(self, code: str, student: str, status: str) -> None:
        key = self._keys(code)[0] + ":status"

        def go():
            pipe = self.r.pipeline()
            pipe.hset(key, student, status)
            pipe.expire(key, self.idle)
            pipe.execute()

        self._call(go)

    def statuses(self, code: str) -> dict[str, int]:
        _, _, seen = self._keys(code)
        pipe = self.r.pipeline()
        pipe.zrangebyscore(seen, time.time() - PRESENT, "+inf")
        pipe.hgetall(self._keys(code)[0] + ":status")
        present, status = self._call(pipe.execute)
        out: dict[str, int] = {}
        for student in present:
            s = (status.get(student) or b"following").decode()
            out[s] = out.get(s, 0) + 1
        return out

    def answer_of(self, code: str, question_id: str, student: str) -> str | None:
        main, answers, _ = self._keys(code)
        pipe = self.r.pipeline()
        pipe.hget(main, "question")
        pipe.hget(answers, student)
        q, said = self._call(pipe.execute)
        q = json.loads(q or "null")
        return said.decode() if q and q["id"] == question_id and said is not None else None

    def end(self, code: str, secret: str) -> None:
        self._teacher(code, secret)
        pipe = self.r.pipeline()
        main = self._keys(code)[0]
        pipe.delete(*self._keys(code), main + ":status", main + ":members", main + ":diagram")
        pipe.publish(self.EVENTS + code, "1")
        self._call(pipe.execute)


_STORE: MemoryStore | RedisStore | None = None
_STORE_LOCK = threading.Lock()


def store() -> MemoryStore | RedisStore:
    """The process's store: Redis if ``GATELAB_REDIS_URL`` is set, else in this process."""
    global _STORE
    with _STORE_LOCK:
        if _STORE is None:
            url = os.environ.get("GATELAB_REDIS_URL", "").strip()
            _STORE = RedisStore(url) if url else MemoryStore()
        return _STORE
