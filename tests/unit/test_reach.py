"""Jacobian norms through time against torch autograd, and float64's edges."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_core import Network
from lstm_core.reach import reach, spectral_radius
from tests.unit.torch_ref import state_dict_of, torch_stack


def torch_input_norms(mods, x: np.ndarray) -> np.ndarray:
    """‖∂h_T/∂x_t‖_F for every t, one autograd pass per output unit."""
    xt = torch.tensor(x, requires_grad=True)
    inp = xt
    for m in mods:
        inp = m(inp)[0]
    rows = []
    for j in range(inp.shape[1]):
        (g,) = torch.autograd.grad(inp[-1, j], xt, retain_graph=True)
        rows.append(g)
    J = torch.stack(rows, dim=1)  # (T, H, D)
    return J.pow(2).sum(dim=(1, 2)).sqrt().numpy()


def torch_memory_norms(m: torch.nn.LSTM, x: np.ndarray) -> np.ndarray:
    """‖∂C_T/∂C_t‖_F for a single-layer LSTM, unrolled with LSTMCell-equivalent maths."""
    H = m.hidden_size
    h = torch.zeros(H)
    c = torch.zeros(H)
    cs = []
    for t in range(len(x)):
        a = m.weight_ih_l0 @ torch.tensor(x[t]) + m.bias_ih_l0 + m.weight_hh_l0 @ h + m.bias_hh_l0
        i, f, g, o = a.chunk(4)
        c = f.sigmoid() * c + i.sigmoid() * g.tanh()
        c.retain_grad()
        cs.append(c)
        h = o.sigmoid() * c.tanh()
    out = np.zeros(len(x))
    for j in range(H):
        grads = torch.autograd.grad(cs[-1][j], cs, retain_graph=True, allow_unused=True)
        for t, g in enumerate(grads):
            out[t] += 0.0 if g is None else float((g**2).sum())
    return np.sqrt(out)


@settings(max_examples=20, deadline=None)
@given(
    cell=st.sampled_from(["lstm", "rnn"]),
    seed=st.integers(0, 1000),
    hidden=st.lists(st.integers(1, 6), min_size=1, max_size=3),
    D=st.integers(1, 3),
    T=st.integers(1, 25),
)
def test_input_jacobian_norms_match_torch(cell, seed, hidden, D, T):
    mods = torch_stack(cell, D, hidden, seed)
    net = Network.from_state_dict(state_dict_of(mods), cell=cell)
    x = np.random.default_rng(seed).standard_normal((T, D))
    r = reach(net, net.run(x))
    np.testing.assert_allclose(r.dx, torch_input_norms(mods, x), rtol=1e-9, atol=1e-13)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_memory_jacobian_norms_match_torch(seed):
    (m,) = torch_stack("lstm", 2, [4], seed)
    net = Network.from_state_dict(state_dict_of([m]))
    x = np.random.default_rng(seed).standard_normal((15, 2))
    r = reach(net, net.run(x))
    np.testing.assert_allclose(r.dc, torch_memory_norms(m, x) / 2.0, rtol=1e-9)  # RMS: / √H, H = 4
    assert r.fprod[-1] == pytest.approx(1.0) and r.dc[-1] == pytest.approx(1.0)  # ∂C_T/∂C_T = I
    f = net.run(x).layers[0].f
    np.testing.assert_allclose(r.fprod[5], np.sqrt(np.mean(np.prod(f[6:], axis=0) ** 2)), rtol=1e-12)


def test_spectral_radius_is_numpys():
    W = np.random.default_rng(0).standard_normal((7, 7))
    assert spectral_radius(W) == np.abs(np.linalg.eigvals(W)).max()


def test_explosion_is_reported_not_nan_on_screen():
    """A gradient past float64's range is flagged; the finite part is kept."""
    H = 4
    sd = {
        "weight_ih_l0": np.ones((H, 1)) * 1e-3,
        "weight_hh_l0": np.eye(H) * 50.0,  # tanh' = 1 near h = 0: ×50 per step back
        "bias_ih_l0": np.zeros(H),
        "bias_hh_l0": np.zeros(H),
    }
    net = Network.from_state_dict(sd, cell="rnn")
    x = np.zeros((400, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = reach(net, net.run(x))
    assert r.overflow[:100].all() and not r.overflow[-50:].any()
    assert np.isfinite(r.dx[~r.overflow]).all() and np.isnan(r.dx[r.overflow]).all()
    assert r.dx[-1] == pytest.approx(2e-3)  # ‖W_ih‖ with tanh' = 1


def _far_from_one(cell: str) -> tuple[Network, np.ndarray]:
    """The Why page's *LSTM forgets* setup (ρ = 0.1, b_f = −3, H = 8) over 300 steps: its gradients
    reach 1e-200 and 1e-300, ordinary float64 numbers that a squared norm would lose."""
    from lstm_core import generate
    from lstm_core.reach import with_spectral_radius

    net = with_spectral_radius(Network.random(1, [8], cell, 0, 0.3, -3.0), 0.1)
    if cell == "gru":
        net = net.with_bias("z", -3.0)
    return net, generate("sine", 300, 1.0, 20.0, 0, 5)


def _torch_module(net: Network) -> torch.nn.Module:
    (m,) = torch_stack(net.cell, 1, [net.hidden_sizes[0]], 0)
    m.load_state_dict({k: torch.tensor(v) for k, v in net.state_dict().items()})
    return m


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
def test_norms_are_exact_at_1e_200_and_1e_300(cell):
    """‖∂h_T/∂x_t‖ against an independent computation: torch autograd for J, math.hypot (scaled) for
    its norm. 'Below float64' only where the true value is below float64's smallest normal number."""
    import math

    net, x = _far_from_one(cell)
    r = reach(net, net.run(x))
    m = _torch_module(net)
    xt = torch.tensor(x, requires_grad=True)
    out = m(xt)[0]
    J = torch.stack([torch.autograd.grad(out[-1, j], xt, retain_graph=True)[0] for j in range(8)], 1)
    want = np.array([math.hypot(*J[t].flatten().tolist()) for t in range(len(x))])
    for level in (1e-200, 1e-300):
        t = int(np.argmin(np.abs(np.log10(np.maximum(want, 1e-320)) - np.log10(level))))
        assert 0.05 * level < want[t] < 20 * level, (level, want[t])  # the run does reach this level
        assert r.dx[t] == pytest.approx(want[t], rel=1e-9), (level, r.dx[t], want[t])
    normal = want >= 1e-307
    np.testing.assert_allclose(r.dx[normal], want[normal], rtol=1e-9)
    assert not r.underflow[normal].any()
    assert (want[r.underflow] < 2.3e-308).all()  # flagged only where the true value is below float64


def test_the_product_of_forget_gates_is_exact_far_below_1e_200():
    """RMS over units of ∏f, against Python's decimal arithmetic (no float64 range at all)."""
    from decimal import Decimal, getcontext

    getcontext().prec = 40
    net, x = _far_from_one("lstm")
    x = x[:200]
    tr = net.run(x)
    r = reach(net, tr)
    f = tr.layers[0].f
    for t in (0, 20, 60, 120):
        prods = [math_prod_decimal(f[t + 1 :, j]) for j in range(f.shape[1])]
        rms = (sum(p * p for p in prods) / len(prods)).sqrt()
        assert rms < Decimal("1e-100") or t > 60
        assert r.fprod[t] == pytest.approx(float(rms), rel=1e-10), t


def math_prod_decimal(values: np.ndarray):
    from decimal import Decimal

    p = Decimal(1)
    for v in values:
        p *= Decimal(float(v))
    return p
