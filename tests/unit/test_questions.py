"""Predict-then-reveal questions: every answer is what the trace says, over random models,
inputs, sizes, units and steps (property tests); the numbers an explanation quotes add up."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_core import Network, questions
from lstm_core.questions import SAME, ask, ask_decide, ask_grad_below, askable, settle_step, steps_back_below


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


@st.composite
def runs(draw):
    """A random model (kind, layers, sizes, seed, scale, forget bias) on a random input; a layer,
    unit and step of it."""
    cell = draw(st.sampled_from(["lstm", "gru", "rnn"]))
    sizes = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=3)))
    D = draw(st.integers(1, 3))
    T = draw(st.integers(2, 30))
    seed = draw(st.integers(0, 2**16))
    scale = draw(st.floats(0.1, 4.0))
    fb = draw(st.floats(-3, 3)) if cell == "lstm" else None
    rng = np.random.default_rng(seed)
    x = rng.normal(0, draw(st.floats(0.1, 3.0)), (T, D))
    trace = Network.random(D, sizes, cell, seed, scale, fb).run(x)
    k = draw(st.integers(0, len(sizes) - 1))
    u = draw(st.integers(0, sizes[k] - 1))
    t = draw(st.integers(0, T - 1))
    return trace.layers[k], u, t


@settings(max_examples=150, deadline=None)
@given(runs())
def test_every_step_question_is_answered_by_the_trace(run):
    lt, u, t = run
    for kind in questions.step_kinds(lt):
        if not askable(lt, kind, u, t):
            assert kind == "h_flip" and lt.h_prev[t, u] == 0
            continue
        gates = lt.kind.sigmoids if kind == "gate_half" else ("",)
        for gate in gates:
            q = ask(lt, kind, u, t, gate)
            assert q.step == t and q.answer in q.options
            assert q.right(q.answer) and not any(q.right(o) for o in q.options if o != q.answer)
            _check(lt, u, t, q)


def _check(lt, u, t, q):
    v = q.values
    if q.kind == "state_dir":
        now, before = (lt.c, lt.c_prev) if lt.cell == "lstm" else (lt.h, lt.h_prev)
        d = now[t, u] - before[t, u]
        assert q.answer == ("same" if abs(d) < SAME else "up" if d > 0 else "down")
        assert v["after"] == now[t, u] and v["before"] == before[t, u]
        if lt.cell == "lstm":  # what the explanation says adds up: C_t = f·C_{t−1} + i·g
            assert v["kept"] == pytest.approx(v["f"] * v["before"], abs=1e-12)
            assert v["written"] == pytest.approx(v["i"] * v["g"], abs=1e-12)
            assert v["kept"] + v["written"] == pytest.approx(v["after"], abs=1e-12)
            # the explanation's ΔC = i·g − (1 − f)·C_{t−1}
            assert v["written"] - v["lost"] == pytest.approx(v["delta"], abs=1e-12)
        if lt.cell == "rnn":  # h_t = tanh(W_ih·x_t + W_hh·h_{t−1} + b), each part quoted
            assert np.tanh(v["ih"] + v["hh"] + v["b"]) == pytest.approx(v["after"], abs=1e-12)
            assert v["pre"] == pytest.approx(v["ih"] + v["hh"] + v["b"], abs=1e-12)
        if lt.cell == "gru":  # h_t = z·h_{t−1} + (1 − z)·n
            assert v["kept"] + v["written"] == pytest.approx(v["after"], abs=1e-12)
            assert v["written"] == pytest.approx((1 - v["z"]) * v["n"], abs=1e-12)
            assert (1 - v["z"]) * (v["n"] - v["before"]) == pytest.approx(v["delta"], abs=1e-12)
    elif q.kind == "gate_half":
        value = getattr(lt, q.gate)[t, u]
        assert v["v"] == value and sigmoid(v["pre"]) == pytest.approx(value, abs=1e-12)
        assert q.answer == ("above" if value >= 0.5 else "below")
    elif q.kind == "most_closed":
        smallest = min(getattr(lt, g)[t, u] for g in lt.kind.sigmoids)
        assert getattr(lt, q.answer)[t, u] == smallest
    elif q.kind == "h_flip":
        assert q.answer == ("yes" if np.sign(lt.h[t, u]) == -np.sign(lt.h_prev[t, u]) != 0 else "no")
        if lt.cell == "lstm" and lt.forced is None:  # "h has C's sign, since o > 0"
            assert v["o"] > 0 and np.sign(v["after"]) == np.sign(v["c_after"])
        if lt.cell == "rnn":  # "h has the sign of what goes into tanh"
            assert np.sign(v["after"]) == np.sign(v["pre"])
    elif q.kind == "write_sign":
        assert q.answer == ("add" if lt.i[t, u] * lt.g[t, u] >= 0 else "take")
        assert np.sign(v["written"]) in (np.sign(v["g"]), 0)  # i ≥ 0: the write has g's sign
    else:
        raise AssertionError(q.kind)


@settings(max_examples=60, deadline=None)
@given(runs())
def test_the_code_question_quotes_this_steps_h_and_c(run):
    lt, u, t = run
    if lt.cell != "lstm":
        assert not askable(lt, "code_order", u, t)
        return
    q = ask(lt, "code_order", u, t)
    assert (q.values["h"], q.values["c"]) == (lt.h[t, u], lt.c[t, u]) and q.answer == "h"
    # the article's own loop, run by hand: `ct, ht = LSTMCELL(ct, ht, input)`, LSTMCELL returning (h, C)
    from lstm_core.cell import lstm_step

    ct = ht = np.zeros(lt.hidden_size)
    for s in range(t + 1):
        out = lstm_step(lt.x[s], ht, ct, lt.params)
        ct, ht = out.h, out.c
    assert (q.values["ct"], q.values["ht"]) == (ct[u], ht[u]) and q.values["t"] == t + 1
    if t == 0:  # from zero states the first step is the corrected one
        assert q.values["ct"] == pytest.approx(q.values["h"], rel=1e-12)


def test_a_kind_without_the_gate_is_not_asked():
    lt = Network.random(1, (2,), "rnn", 0).run(np.ones((3, 1))).layers[0]
    assert questions.step_kinds(lt) == ("state_dir", "h_flip")
    with pytest.raises(ValueError):
        ask(lt, "gate_half", 0, 1, "f")
    gru = Network.random(1, (2,), "gru", 0).run(np.ones((3, 1))).layers[0]
    with pytest.raises(ValueError):
        ask(gru, "gate_half", 0, 1, "f")
    with pytest.raises(ValueError):
        ask(gru, "write_sign", 0, 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(1e-9, 10.0), min_size=1, max_size=120), st.floats(1e-6, 1.0))
def test_steps_back_below_is_the_first_fall_below_the_level_going_back(dx, level):
    dx = np.array(dx)
    back = steps_back_below(dx, level)
    T = len(dx)
    if back is None:
        assert (dx >= level).all()
    else:
        assert dx[T - 1 - back] < level and (dx[T - back :] >= level).all()
    q = ask_grad_below(dx, level)
    if back is None or back > 50:
        assert q.answer == "more"
    else:
        lo, hi = (int(s) for s in q.answer.split("-"))
        assert lo <= max(back, 1) <= hi


def test_the_gradient_question_on_a_real_rnn():
    from lstm_core.reach import reach, with_spectral_radius

    x = np.sin(np.arange(200) * 2 * np.pi / 20)[:, None]
    rnn = with_spectral_radius(Network.random(1, (8,), "rnn", 0), 0.5)
    dx = reach(rnn, rnn.run(x)).dx
    q = ask_grad_below(dx)
    back = q.values["back"]
    assert dx[199 - back] < 1e-3 <= dx[200 - back :].min()  # the curve itself, not a number typed in
    assert q.values["t"] == 200 - back


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**16), st.integers(1, 60), st.integers(2, 4))
def test_settle_step_is_where_the_top_class_stops_changing(seed, T, K):
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 1, (T, K)).cumsum(axis=0)
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    s = settle_step(p)
    top = p.argmax(axis=1)
    assert (top[s:] == top[-1]).all()
    assert s == 0 or top[s - 1] != top[-1]
    q = ask_decide(p)
    assert q.answer == f"q{min(4 * s // T, 3) + 1}" and q.values["t"] == s + 1
    # the explanation's numbers: the final class leads at t, and (unless t = 1) another led the step before
    cls = top[-1]
    assert q.values["p_at"] == p[s, cls] == p[s].max()
    if s > 0:
        assert q.values["other"] == p[s - 1].max() > q.values["p_before"] == p[s - 1, cls]
    else:
        assert "other" not in q.values
