"""Engine properties: the readable step agrees, ranges hold, overrides hold,
finite differences agree, extremes stay finite and silent."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_core
from lstm_core import KINDS_BY_NAME, GateOverride, Network

KINDS = tuple(KINDS_BY_NAME)  # every kind in the table: a new kind is tested without editing a test


def test_fast_run_equals_readable_cell_step():
    net = Network.random(3, [4, 2], seed=7, scale=2.0)
    x = np.random.default_rng(0).standard_normal((9, 3))
    tr = net.run(x)
    inp = x
    for k, p in enumerate(net.layers):
        h, c = np.zeros(p.hidden_size), np.zeros(p.hidden_size)
        for t in range(9):
            s = lstm_core.lstm_step(inp[t], h, c, p)
            for name in "ifgoch":
                np.testing.assert_allclose(tr.layers[k].gate(name)[t], getattr(s, name), atol=1e-15)
            h, c = s.h, s.c
        inp = tr.layers[k].h


def test_mgu_run_equals_readable_cell_step():
    net = Network.random(2, [3, 2], cell="mgu", seed=4, scale=1.5)
    x = np.random.default_rng(1).standard_normal((8, 2))
    tr = net.run(x)
    inp = x
    for k, p in enumerate(net.layers):
        h = np.zeros(p.hidden_size)
        for t in range(8):
            s = lstm_core.mgu_step(inp[t], h, p)
            for name in "fnh":
                np.testing.assert_allclose(tr.layers[k].gate(name)[t], getattr(s, name), atol=1e-14)
            h = s.h
        terms = tr.layers[k].gate_terms("n")
        np.testing.assert_allclose(terms["ih"] + terms["hh"] + terms["bias"], terms["pre"], atol=1e-14)
        inp = tr.layers[k].h


def test_rnn_step_and_terms():
    net = Network.random(2, [3], cell="rnn", seed=1)
    x = np.random.default_rng(2).standard_normal((5, 2))
    lt = net.run(x).layers[0]
    p = net.layers[0]
    h = np.zeros(3)
    for t in range(5):
        h = lstm_core.rnn_step(x[t], h, p)
        np.testing.assert_allclose(lt.h[t], h, atol=1e-15)
    terms = lt.gate_terms("h")
    np.testing.assert_allclose(terms["ih"] + terms["hh"] + terms["bias"], terms["pre"], atol=1e-14)
    assert lt.i is None and lt.c is None


def test_trace_terms_add_up_and_contributions_sum_to_terms():
    net = Network.random(3, [4], seed=5, forget_bias=1.0)
    x = np.random.default_rng(1).standard_normal((6, 3))
    lt = net.run(x).layers[0]
    p = net.layers[0]
    for gate in "ifgo":
        terms = lt.gate_terms(gate)
        np.testing.assert_allclose(terms["ih"], x @ p.W_ih[lt.rows(gate)].T, atol=1e-14)
        np.testing.assert_allclose(terms["hh"], lt.h_prev @ p.W_hh[lt.rows(gate)].T, atol=1e-14)
        np.testing.assert_allclose(terms["ih"] + terms["hh"] + terms["bias"], terms["pre"], atol=1e-14)
        act = np.tanh if gate == "g" else lstm_core.sigmoid
        np.testing.assert_allclose(act(terms["pre"]), lt.gate(gate), atol=1e-14)
        parts = lt.contributions(gate, t=3, unit=2)
        assert parts["x"].sum() == pytest.approx(terms["ih"][3, 2], abs=1e-14)
        assert parts["h"].sum() == pytest.approx(terms["hh"][3, 2], abs=1e-14)
    # forget_bias sets b_f = b_if + b_hf exactly
    np.testing.assert_array_equal(lt.gate_terms("f")["bias"], np.ones(4))
    np.testing.assert_array_equal(lt.h_prev[1:], lt.h[:-1])
    np.testing.assert_array_equal(lt.c_prev[1:], lt.c[:-1])


def test_trace_is_read_only():
    tr = Network.random(1, [2], seed=0).run(np.ones((3, 1)))
    with pytest.raises(ValueError):
        tr.layers[0].f[0, 0] = 0.5


def test_random_init_follows_pytorch_bound_and_seed():
    a = Network.random(3, [16], seed=1, scale=2.0)
    b = Network.random(3, [16], seed=1, scale=2.0)
    c = Network.random(3, [16], seed=2, scale=2.0)
    bound = 2.0 / np.sqrt(16)
    for k, v in a.state_dict().items():
        assert np.abs(v).max() <= bound
        assert np.abs(v).max() > 0.8 * bound
        assert np.array_equal(v, b.state_dict()[k])
        assert not np.array_equal(v, c.state_dict()[k])


@settings(max_examples=60, deadline=None)
@given(
    cell=st.sampled_from(KINDS),
    seed=st.integers(0, 10_000),
    scale=st.floats(1e-3, 1e6),
    xscale=st.floats(0, 1e6),
    T=st.integers(1, 20),
)
def test_ranges_hold_and_extremes_are_silent(cell, seed, scale, xscale, T):
    """Gates in [0, 1], g and h in [−1, 1], no NaN and no warning, up to ±1e6."""
    net = Network.random(2, [3, 4], cell=cell, seed=seed, scale=scale)
    x = np.random.default_rng(seed).uniform(-1, 1, (T, 2)) * xscale
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tr = net.run(x)
    for lt in tr.layers:
        assert np.isfinite(lt.h).all() and np.abs(lt.h).max() <= 1.0
        assert np.isfinite(lt.pre).all()
        for name in lt.kind.gates:  # σ gates in [0, 1], tanh candidates in [−1, 1]
            lo, hi = lt.kind.bounds(name)
            v = lt.gate(name)
            assert (v >= lo).all() and (v <= hi).all(), name
        if lt.kind.memory:
            assert np.isfinite(lt.c).all()
            assert np.abs(lt.c).max() <= T  # |C_t| grows at most 1 per step
        if lt.kind.kept:  # the state is what the step kept plus what it wrote
            state = lt.gate(lt.kind.states[0])
            np.testing.assert_allclose(state, lt.kept + lt.written, atol=1e-12)


def test_weights_of_a_million_give_finite_silent_forward_and_backward():
    x = np.random.default_rng(0).uniform(-1e6, 1e6, (30, 2))
    for cell in KINDS:
        sd = Network.random(2, [3], cell=cell, seed=0).state_dict()
        sd = {k: np.sign(v) * 1e6 for k, v in sd.items()}
        net = Network.from_state_dict(sd, cell=cell)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tr = net.run(x)
            g = net.backward(tr, np.ones(3))
        assert np.isfinite(tr.output).all()
        assert not np.isnan(g.x).any()


@settings(max_examples=40, deadline=None)
@given(
    gate=st.sampled_from("ifgo"),
    value=st.floats(0, 1),
    start=st.integers(0, 9),
    length=st.integers(1, 10),
    layer=st.integers(0, 1),
    seed=st.integers(0, 100),
)
def test_overrides_are_respected_and_recorded(gate, value, start, length, layer, seed):
    net = Network.random(1, [3, 2], seed=seed)
    T = 10
    stop = min(T, start + length)
    units = (0,) if seed % 2 else None
    ov = GateOverride(gate, layer=layer, value=value, start=start, stop=stop, units=units)
    x = np.random.default_rng(seed).standard_normal((T, 1))
    tr = net.run(x, overrides=[ov])
    lt = tr.layers[layer]
    cols = list(units) if units else list(range(lt.hidden_size))
    assert (lt.gate(gate)[start:stop][:, cols] == value).all()
    mask = lt.forced_mask(gate)
    assert mask[start:stop][:, cols].all() and mask.sum() == (stop - start) * len(cols)
    # everything before the override is untouched
    base = net.run(x)
    np.testing.assert_array_equal(base.layers[layer].h[:start], lt.h[:start])
    # the memory update still follows the equations with the forced value
    np.testing.assert_allclose(lt.c, lt.f * lt.c_prev + lt.i * lt.g, atol=1e-15)


def test_override_keeps_memory_from_step_5_on():
    net = Network.random(1, [2], seed=0)
    x = np.random.default_rng(0).standard_normal((12, 1))
    tr = net.run(x, overrides=[GateOverride("f", 0, 1.0, start=4), GateOverride("i", 0, 0.0, start=4)])
    lt = tr.layers[0]
    assert np.allclose(lt.c[4:], lt.c[3])


def _fd_check(net: Network, x: np.ndarray, dh: np.ndarray, overrides=()):
    tr = net.run(x, overrides=overrides)
    g = net.backward(tr, dh)

    def loss(n, xx):
        return float(n.run(xx, overrides=overrides).output[-1] @ dh)

    eps = 1e-6
    for t in range(x.shape[0]):
        for d in range(x.shape[1]):
            xp, xm = x.copy(), x.copy()
            xp[t, d] += eps
            xm[t, d] -= eps
            assert g.x[t, d] == pytest.approx((loss(net, xp) - loss(net, xm)) / (2 * eps), abs=1e-7)
    sd = net.state_dict()
    rng = np.random.default_rng(0)
    for name, v in sd.items():
        for _ in range(3):
            idx = tuple(rng.integers(0, s) for s in v.shape)
            plus = {k: a.copy() for k, a in sd.items()}
            minus = {k: a.copy() for k, a in sd.items()}
            plus[name][idx] += eps
            minus[name][idx] -= eps
            fd = (
                loss(Network.from_state_dict(plus, net.cell), x)
                - loss(Network.from_state_dict(minus, net.cell), x)
            ) / (2 * eps)
            assert g.params[name][idx] == pytest.approx(fd, abs=1e-7), name


@pytest.mark.parametrize("cell", KINDS)
def test_backward_matches_finite_differences(cell):
    net = Network.random(2, [3, 2], cell=cell, seed=11, scale=1.5)
    x = np.random.default_rng(3).standard_normal((6, 2))
    _fd_check(net, x, np.array([0.7, -1.3]))


@pytest.mark.parametrize(
    "cell, gate", [(c, g) for c in KINDS for g in KINDS_BY_NAME[c].gates]
)  # every gate of every kind, forced on some steps and units
def test_backward_with_overrides_matches_finite_differences(cell, gate):
    net = Network.random(2, [3], cell=cell, seed=2)
    x = np.random.default_rng(4).standard_normal((5, 2))
    value = 0.7 if KINDS_BY_NAME[cell].bounds(gate)[0] == 0 else -0.4
    ov = GateOverride(gate, 0, value, start=2, units=(1,))
    _fd_check(net, x, np.array([1.0, -0.5, 0.3]), overrides=[ov])


@pytest.mark.parametrize("cell", KINDS)
def test_contributions_add_up_to_the_recurrent_term_for_every_kind(cell):
    """W_hh·(what the block reads) unit by unit sums to the trace's hh (an MGU's n reads f ⊙ h_{t-1})."""
    net = Network.random(2, [3], cell=cell, seed=5)
    lt = net.run(np.random.default_rng(5).standard_normal((7, 2))).layers[0]
    for name in lt.kind.blocks:
        for t in (0, 3, 6):
            for u in range(3):
                c = lt.contributions(name, t, u)
                terms = lt.gate_terms(name)
                assert c["h"].sum() == pytest.approx(terms["hh"][t, u], abs=1e-12)
                assert c["x"].sum() == pytest.approx(terms["ih"][t, u], abs=1e-12)


def test_keras_layout_converts_to_the_same_network():
    net = Network.random(3, [4, 2], seed=9)
    keras_layers = []
    for p in net.layers:
        keras_layers.append({"kernel": p.W_ih.T, "recurrent_kernel": p.W_hh.T, "bias": p.b_ih + p.b_hh})
    k = Network.from_keras(keras_layers)
    x = np.random.default_rng(0).standard_normal((8, 3))
    a, b = net.run(x), k.run(x)
    for la, lb in zip(a.layers, b.layers, strict=True):
        for name in "ifgoch":
            np.testing.assert_allclose(la.gate(name), lb.gate(name), atol=1e-14)
    assert k.state_dict()["bias_hh_l0"].sum() == 0


def test_keras_simple_rnn_converts():
    net = Network.random(2, [3], cell="rnn", seed=1)
    p = net.layers[0]
    k = Network.from_keras(
        [{"kernel": p.W_ih.T, "recurrent_kernel": p.W_hh.T, "bias": p.b_ih + p.b_hh}], cell="rnn"
    )
    x = np.ones((4, 2))
    np.testing.assert_allclose(k.run(x).output, net.run(x).output, atol=1e-14)


def test_the_trace_csv_gives_each_row_its_own_layers_input():
    """Issue 20: layer 2's rows once carried the network's input; layer 2 reads layer 1's h."""
    import csv
    import io

    from lstm_core.export import trace_to_csv

    net = Network.random(2, [3, 2], "lstm", 0)
    x = np.random.default_rng(0).standard_normal((5, 2))
    tr = net.run(x)
    rows = list(csv.DictReader(io.StringIO(trace_to_csv(tr))))
    assert len(rows) == 5 * 3 + 5 * 2
    for r in rows:
        t, k, u = int(r["t"]) - 1, int(r["layer"]) - 1, int(r["unit"]) - 1
        lt = tr.layers[k]
        assert r["input"] == ("x" if k == 0 else "h of layer 1")
        want = lt.x[t]  # layer 1: x_t (2 numbers); layer 2: layer 1's h_t (3 numbers)
        got = [float(r[f"in{d + 1}"]) for d in range(len(want))]
        np.testing.assert_allclose(got, want, rtol=1e-9)
        if k == 0:
            assert r["in3"] == ""
        assert float(r["C"]) == pytest.approx(lt.c[t, u], rel=1e-9)
        assert float(r["h"]) == pytest.approx(lt.h[t, u], rel=1e-9)
