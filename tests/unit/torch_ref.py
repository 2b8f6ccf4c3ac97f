"""PyTorch references for the parity tests (torch is a test dependency only)."""

from __future__ import annotations

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
MODULES = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}


def torch_stack(cell: str, input_size: int, hidden_sizes: list[int], seed: int) -> list[torch.nn.Module]:
    """A chain of single-layer torch modules, one per hidden size (torch's own
    multi-layer modules need one hidden size for all layers)."""
    torch.manual_seed(seed)
    mods, d = [], input_size
    for H in hidden_sizes:
        Mod = MODULES[cell]
        mods.append(Mod(d, H, dtype=torch.float64))
        d = H
    return mods


def state_dict_of(mods: list[torch.nn.Module]) -> dict[str, np.ndarray]:
    """Our PyTorch-named state dict for a chain (layer k of ours = module k's l0)."""
    sd = {}
    for k, m in enumerate(mods):
        for name, v in m.state_dict().items():
            sd[name.replace("_l0", f"_l{k}")] = v.detach().numpy().copy()
    return sd


def torch_gates(m: torch.nn.LSTM, x: torch.Tensor, h: torch.Tensor) -> dict[str, np.ndarray]:
    """i, f, g, o recomputed from the torch module's weights (it does not expose them)."""
    h_prev = torch.cat([torch.zeros(1, m.hidden_size), h[:-1]])
    a = x @ m.weight_ih_l0.T + m.bias_ih_l0 + h_prev @ m.weight_hh_l0.T + m.bias_hh_l0
    i, f, g, o = a.chunk(4, dim=1)
    return {"i": i.sigmoid(), "f": f.sigmoid(), "g": g.tanh(), "o": o.sigmoid()}


def torch_gru_gates(m: torch.nn.GRU, x: torch.Tensor, h: torch.Tensor) -> dict[str, np.ndarray]:
    """r, z, n recomputed from the torch module's weights, PyTorch's documented equations."""
    h_prev = torch.cat([torch.zeros(1, m.hidden_size), h[:-1]])
    gi = x @ m.weight_ih_l0.T + m.bias_ih_l0
    gh = h_prev @ m.weight_hh_l0.T + m.bias_hh_l0
    (i_r, i_z, i_n), (h_r, h_z, h_n) = gi.chunk(3, dim=1), gh.chunk(3, dim=1)
    r, z = (i_r + h_r).sigmoid(), (i_z + h_z).sigmoid()
    n = (i_n + r * h_n).tanh()
    # the recomputed gates give torch's own h: checks this reading of the equations
    assert torch.allclose((1 - z) * n + z * h_prev, h, rtol=0, atol=1e-12)
    return {"r": r, "z": z, "n": n}


def run_chain(mods, x: np.ndarray, dh_last: np.ndarray):
    """Forward through the chain, L = dh_last · h_T(top), backward. Returns
    (per-layer dict of numpy arrays, dL/dx, {param name: grad})."""
    xt = torch.tensor(x, requires_grad=True)
    inp, layers = xt, []
    for m in mods:
        out = m(inp)[0]  # (T, H): all h_t
        rec = {"h": out}
        if isinstance(m, torch.nn.LSTM):
            rec |= torch_gates(m, inp, out)
            # C_t is not exposed per step by nn.LSTM; recover it from the gates
            c, cs = torch.zeros(m.hidden_size), []
            for t in range(out.shape[0]):
                c = rec["f"][t] * c + rec["i"][t] * rec["g"][t]
                cs.append(c)
            rec["c"] = torch.stack(cs)
        if isinstance(m, torch.nn.GRU):
            rec |= torch_gru_gates(m, inp, out)
        layers.append(rec)
        inp = out
    loss = (inp[-1] * torch.tensor(dh_last)).sum()
    loss.backward()
    grads = {}
    for k, m in enumerate(mods):
        for name, p in m.named_parameters():
            grads[name.replace("_l0", f"_l{k}")] = p.grad.numpy().copy()
    layers = [{k: v.detach().numpy() for k, v in rec.items()} for rec in layers]
    return layers, xt.grad.numpy().copy(), grads
