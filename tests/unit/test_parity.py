"""The engine against torch.nn.LSTM / nn.GRU / nn.RNN: every gate, C, h and every gradient."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_core
from lstm_core import KINDS_BY_NAME
from tests.unit.torch_ref import MODULES, run_chain, state_dict_of, torch_stack

TOL = 1e-10
WITH_TORCH = [name for name, k in KINDS_BY_NAME.items() if k.torch_class]  # the kinds torch has a module for

shapes = st.fixed_dictionaries(
    {
        "cell": st.sampled_from(WITH_TORCH),
        "seed": st.integers(0, 2**16),
        "D": st.integers(1, 5),
        "hidden": st.lists(st.integers(1, 7), min_size=1, max_size=4),
        "T": st.integers(1, 30),
    }
)


@settings(max_examples=60, deadline=None)
@given(shapes)
def test_forward_and_backward_match_torch_chain(cfg):
    """Stacks with a different hidden size per layer vs a chain of torch layers."""
    mods = torch_stack(cfg["cell"], cfg["D"], cfg["hidden"], cfg["seed"])
    net = lstm_core.Network.from_state_dict(state_dict_of(mods), cell=cfg["cell"])
    rng = np.random.default_rng(cfg["seed"])
    x = rng.standard_normal((cfg["T"], cfg["D"]))
    dh = rng.standard_normal(cfg["hidden"][-1])
    ref_layers, ref_dx, ref_grads = run_chain(mods, x, dh)

    tr = net.run(x)
    for k, ref in enumerate(ref_layers):
        lt = tr.layers[k]
        for name, want in ref.items():
            np.testing.assert_allclose(lt.gate(name), want, rtol=0, atol=TOL, err_msg=f"layer {k} {name}")
    g = net.backward(tr, dh)
    np.testing.assert_allclose(g.x, ref_dx, rtol=0, atol=TOL)
    assert set(g.params) == set(ref_grads)
    for name, want in ref_grads.items():
        np.testing.assert_allclose(g.params[name], want, rtol=0, atol=TOL, err_msg=name)


@settings(max_examples=15, deadline=None)
@given(
    cell=st.sampled_from(WITH_TORCH),
    seed=st.integers(0, 1000),
    layers=st.integers(1, 4),
    H=st.integers(1, 8),
    T=st.integers(1, 25),
)
def test_multilayer_torch_module_with_initial_state(cell, seed, layers, H, T):
    """torch's own num_layers > 1 module, with a given (h0, C0), loads as it is."""
    torch.manual_seed(seed)
    Mod = MODULES[cell]
    m = Mod(3, H, num_layers=layers, dtype=torch.float64)
    sd = {k: v.detach().numpy() for k, v in m.state_dict().items()}
    net = lstm_core.Network.from_state_dict(sd, cell=cell)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((T, 3))
    h0 = rng.standard_normal((layers, H))
    c0 = rng.standard_normal((layers, H))
    xt = torch.tensor(x, requires_grad=True)
    h0t = torch.tensor(h0, requires_grad=True)
    c0t = torch.tensor(c0, requires_grad=True)
    out, _ = m(xt, (h0t, c0t)) if cell == "lstm" else m(xt, h0t)
    dh = rng.standard_normal(H)
    (out[-1] * torch.tensor(dh)).sum().backward()

    tr = net.run(x, h0=list(h0), c0=list(c0) if cell == "lstm" else None)
    np.testing.assert_allclose(tr.output, out.detach().numpy(), rtol=0, atol=TOL)
    g = net.backward(tr, dh)
    np.testing.assert_allclose(g.x, xt.grad.numpy(), rtol=0, atol=TOL)
    np.testing.assert_allclose(np.stack(g.h0), h0t.grad.numpy(), rtol=0, atol=TOL)
    if cell == "lstm":
        np.testing.assert_allclose(np.stack(g.c0), c0t.grad.numpy(), rtol=0, atol=TOL)
    for name, p in m.named_parameters():
        np.testing.assert_allclose(g.params[name], p.grad.numpy(), rtol=0, atol=TOL, err_msg=name)


def test_state_dict_round_trips_exactly():
    torch.manual_seed(3)
    m = torch.nn.LSTM(2, 4, num_layers=2, dtype=torch.float64)
    sd = {k: v.detach().numpy() for k, v in m.state_dict().items()}
    sd2 = lstm_core.Network.from_state_dict(sd).state_dict()
    assert sd2.keys() == sd.keys()
    for k in sd:
        assert np.array_equal(sd[k], sd2[k])
        assert sd2[k].dtype == np.float64


@pytest.mark.parametrize("cell", list(lstm_core.KINDS_BY_NAME))
def test_batch_run_equals_single_runs(cell):
    """Every kind (the Classify lab trains on mini-batches: the MGU's batched forward once failed)."""
    net = lstm_core.Network.random(2, [5, 3], cell, seed=4)
    names = (*net.kind.blocks, "h") + (("c",) if net.kind.memory else ())
    xb = np.random.default_rng(0).standard_normal((6, 11, 2))
    dh = np.random.default_rng(1).standard_normal((6, 3))
    trb = net.run(xb)
    gb = net.backward(trb, dh)
    for b in range(6):
        tr = net.run(xb[b])
        g = net.backward(tr, dh[b])
        for k in range(2):
            for name in names:
                np.testing.assert_allclose(trb.layers[k].gate(name)[b], tr.layers[k].gate(name), atol=1e-14)
        np.testing.assert_allclose(gb.x[b], g.x, atol=1e-13)
    total = {k: sum(net.backward(net.run(xb[b]), dh[b]).params[k] for b in range(6)) for k in gb.params}
    for k, v in total.items():
        np.testing.assert_allclose(gb.params[k], v, atol=1e-12)


def test_gru_parity_is_checked_at_every_gate():
    """The GRU's contract: from_state_dict(sd, cell="gru"), trace.layers[k].r / .z / .n / .h equal to torch's."""
    mods = torch_stack("gru", 2, [5, 3], 7)
    net = lstm_core.Network.from_state_dict(state_dict_of(mods), cell="gru")
    x = np.random.default_rng(7).standard_normal((20, 2))
    ref, _, _ = run_chain(mods, x, np.ones(3))
    tr = net.run(x)
    for k in range(2):
        assert set(ref[k]) == {"r", "z", "n", "h"}
        for name in "rznh":
            np.testing.assert_allclose(getattr(tr.layers[k], name), ref[k][name], rtol=0, atol=TOL)
        assert tr.layers[k].c is None and tr.layers[k].f is None


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), H=st.integers(1, 5), T=st.integers(1, 12))
def test_gru_gradients_match_finite_differences(seed, H, T):
    """Every weight's gradient against a central difference of L = dh · h_T, one entry per matrix."""
    net = lstm_core.Network.random(2, [H, 2], "gru", seed)
    rng = np.random.default_rng(seed)
    x, dh = rng.standard_normal((T, 2)), rng.standard_normal(2)
    g = net.backward(net.run(x), dh)
    sd = net.state_dict()
    eps = 1e-6
    for name, W in sd.items():
        idx = tuple(int(rng.integers(0, n)) for n in W.shape)
        plus, minus = dict(sd), dict(sd)
        plus[name], minus[name] = W.copy(), W.copy()
        plus[name][idx] += eps
        minus[name][idx] -= eps
        lp = dh @ lstm_core.Network.from_state_dict(plus, "gru").run(x).output[-1]
        lm = dh @ lstm_core.Network.from_state_dict(minus, "gru").run(x).output[-1]
        assert abs((lp - lm) / (2 * eps) - g.params[name][idx]) < 1e-7, (name, idx)


def test_gru_forced_gates_cut_their_gradient():
    """A forced z no longer depends on its pre-activation: torch with z held at the value agrees."""
    net = lstm_core.Network.random(1, [3], "gru", 2)
    x = np.random.default_rng(2).standard_normal((8, 1))
    ov = lstm_core.GateOverride("z", 0, 0.9, start=3, stop=6)
    tr = net.run(x, overrides=[ov])
    assert np.all(tr.layers[0].z[3:6] == 0.9) and not np.all(tr.layers[0].z[:3] == 0.9)
    # the same run by hand, with autograd, z fixed at 0.9 on steps 3..5
    p = {k: torch.tensor(v, requires_grad=True) for k, v in net.state_dict().items()}
    h = torch.zeros(3)
    for t in range(8):
        gi = p["weight_ih_l0"] @ torch.tensor(x[t]) + p["bias_ih_l0"]
        gh = p["weight_hh_l0"] @ h + p["bias_hh_l0"]
        r = (gi[:3] + gh[:3]).sigmoid()
        z = torch.full((3,), 0.9) if 3 <= t < 6 else (gi[3:6] + gh[3:6]).sigmoid()
        n = (gi[6:] + r * gh[6:]).tanh()
        h = (1 - z) * n + z * h
    np.testing.assert_allclose(tr.output[-1], h.detach().numpy(), atol=1e-13)
    h.sum().backward()
    g = net.backward(tr, np.ones(3))
    for k, v in p.items():
        np.testing.assert_allclose(g.params[k], v.grad.numpy(), atol=1e-12, err_msg=k)
