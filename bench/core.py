"""Engine speed against PyTorch, timed in the same run: prints median ratios.

    python bench/core.py [--repeats 15]

Single thread, float64, batch 1. For each size (T, H, L) it times
  run     lstm_core Network.run (forward + full trace: every gate, C, h, terms)
  nn      torch.nn.LSTM forward under no_grad (records no gates)
  cell    a torch.nn.LSTMCell loop that also records i, f, g, o per step
  bwd     lstm_core Network.backward (BPTT, all parameter and input gradients)
  auto    torch autograd backward of the same loss through nn.LSTM
and prints median times and the ratios run/nn, run/cell, bwd/auto
(< 1 means the engine is faster). Then the same run/nn and bwd/auto for
the GRU against torch.nn.GRU.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import lstm_core  # noqa: E402

SIZES = [(50, 8, 2), (200, 16, 2), (1000, 64, 3)]
D_IN = 4


def per_call(fn, budget: float = 0.05) -> float:
    """Seconds per call of fn, from a block of calls lasting about ``budget``."""
    fn()
    n, t0 = 1, time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-7)
    n = max(1, int(budget / one))
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n


def medians(fns: dict, repeats: int) -> dict[str, float]:
    """Median seconds per call of each fn over ``repeats`` rounds, interleaved so that machine
    noise hits all alike."""
    samples: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for k, fn in fns.items():
            samples[k].append(per_call(fn))
    return {k: statistics.median(v) for k, v in samples.items()}


def torch_cell_loop(cells, x):
    """What one writes to get the gates out of PyTorch: an LSTMCell loop."""
    inp, record = x, []
    for cell in cells:
        h = torch.zeros(1, cell.hidden_size)
        c = torch.zeros(1, cell.hidden_size)
        outs = []
        for t in range(inp.shape[0]):
            xt = inp[t : t + 1]
            a = torch.nn.functional.linear(xt, cell.weight_ih, cell.bias_ih)
            a = a + torch.nn.functional.linear(h, cell.weight_hh, cell.bias_hh)
            i, f, g, o = a.chunk(4, dim=1)
            record.append((i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()))
            h, c = cell(xt, (h, c))
            outs.append(h)
        inp = torch.cat(outs)
    return record


def bench_size(T: int, H: int, L: int, repeats: int) -> dict[str, float]:
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(D_IN, H, num_layers=L)
    sd = {k: v.detach().numpy().copy() for k, v in lstm.state_dict().items()}
    net = lstm_core.Network.from_state_dict(sd)
    cells = []
    for k in range(L):
        cell = torch.nn.LSTMCell(D_IN if k == 0 else H, H)
        with torch.no_grad():
            for a, b in (
                ("weight_ih", "weight_ih"),
                ("weight_hh", "weight_hh"),
                ("bias_ih", "bias_ih"),
                ("bias_hh", "bias_hh"),
            ):
                getattr(cell, a).copy_(getattr(lstm, f"{b}_l{k}"))
        cells.append(cell)
    x = np.random.default_rng(0).standard_normal((T, D_IN))
    xt = torch.tensor(x)
    dh = np.random.default_rng(1).standard_normal(H)
    dht = torch.tensor(dh)
    tr = net.run(x)
    x_req = xt.clone().requires_grad_(True)
    out, _ = lstm(x_req)
    loss = (out[-1] * dht).sum()

    def autograd():
        lstm.zero_grad(set_to_none=True)
        x_req.grad = None
        loss.backward(retain_graph=True)

    def nn_forward():
        with torch.no_grad():
            lstm(xt)

    def cell_loop():
        with torch.no_grad():
            torch_cell_loop(cells, xt)

    fns = {
        "run": lambda: net.run(x),
        "nn": nn_forward,
        "cell": cell_loop,
        "bwd": lambda: net.backward(tr, dh),
        "auto": autograd,
    }
    return medians(fns, repeats)


def bench_gru(T: int, H: int, L: int, repeats: int) -> dict[str, float]:
    """run (forward + trace of r, z, n, h) vs nn.GRU forward; backward vs autograd."""
    torch.manual_seed(0)
    gru = torch.nn.GRU(D_IN, H, num_layers=L)
    net = lstm_core.Network.from_state_dict(
        {k: v.detach().numpy().copy() for k, v in gru.state_dict().items()}, cell="gru"
    )
    x = np.random.default_rng(0).standard_normal((T, D_IN))
    xt = torch.tensor(x)
    dh = np.random.default_rng(1).standard_normal(H)
    tr = net.run(x)
    x_req = xt.clone().requires_grad_(True)
    out, _ = gru(x_req)
    np.testing.assert_allclose(tr.output, out.detach().numpy(), atol=1e-12)
    loss = (out[-1] * torch.tensor(dh)).sum()

    def autograd():
        gru.zero_grad(set_to_none=True)
        x_req.grad = None
        loss.backward(retain_graph=True)

    def nn_forward():
        with torch.no_grad():
            gru(xt)

    fns = {"run": lambda: net.run(x), "nn": nn_forward, "bwd": lambda: net.backward(tr, dh), "auto": autograd}
    return medians(fns, repeats)


def bench_jacobian(repeats: int, T: int = 500, H: int = 16) -> dict[str, float]:
    """‖∂h_T/∂x_t‖ for every t: lstm_core.reach vs torch autograd (one pass per output unit)."""
    from lstm_core.reach import reach

    torch.manual_seed(0)
    lstm = torch.nn.LSTM(D_IN, H)
    net = lstm_core.Network.from_state_dict(
        {k: v.detach().numpy().copy() for k, v in lstm.state_dict().items()}
    )
    x = np.random.default_rng(0).standard_normal((T, D_IN))

    def ours():  # forward + all Jacobian norms, like the torch side
        return reach(net, net.run(x)).dx

    def autograd():
        xt = torch.tensor(x, requires_grad=True)
        out, _ = lstm(xt)
        rows = [torch.autograd.grad(out[-1, j], xt, retain_graph=True)[0] for j in range(H)]
        return torch.stack(rows, 1).pow(2).sum((1, 2)).sqrt()

    np.testing.assert_allclose(ours(), autograd().detach().numpy(), rtol=1e-8)
    return medians({"ours": ours, "torch": autograd}, repeats)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=15)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    print(
        f"lstm_core vs torch {torch.__version__}, float64, 1 thread, batch 1, D_in={D_IN}, "
        f"median of {args.repeats}"
    )
    head = f"{'T':>5} {'H':>3} {'L':>2} | {'run ms':>8} {'nn ms':>8} {'cell ms':>8} {'bwd ms':>8} {'auto ms':>8} | {'run/nn':>7} {'run/cell':>8} {'bwd/auto':>8}"
    print(head)
    print("-" * len(head))
    for T, H, L in SIZES:
        m = bench_size(T, H, L, args.repeats)
        print(
            f"{T:>5} {H:>3} {L:>2} | {m['run'] * 1e3:8.3f} {m['nn'] * 1e3:8.3f} {m['cell'] * 1e3:8.3f} "
            f"{m['bwd'] * 1e3:8.3f} {m['auto'] * 1e3:8.3f} | {m['run'] / m['nn']:6.2f}x "
            f"{m['run'] / m['cell']:7.2f}x {m['bwd'] / m['auto']:7.2f}x",
            flush=True,
        )
    print("targets: run/nn <= 1.0x (small), <= 1.2x (largest); run/cell <= 0.5x; bwd/auto <= 1.0x")
    head = f"{'T':>5} {'H':>3} {'L':>2} | {'run ms':>8} {'nn ms':>8} {'bwd ms':>8} {'auto ms':>8} | {'run/nn':>7} {'bwd/auto':>8}"
    print(f"\nGRU against torch.nn.GRU\n{head}\n" + "-" * len(head))
    for T, H, L in SIZES:
        m = bench_gru(T, H, L, args.repeats)
        print(
            f"{T:>5} {H:>3} {L:>2} | {m['run'] * 1e3:8.3f} {m['nn'] * 1e3:8.3f} {m['bwd'] * 1e3:8.3f} "
            f"{m['auto'] * 1e3:8.3f} | {m['run'] / m['nn']:6.2f}x {m['bwd'] / m['auto']:7.2f}x",
            flush=True,
        )
    print("targets (GRU): run/nn <= 1.0x at T=50 H=8 L=2; bwd/auto <= 1.0x")
    j = bench_jacobian(args.repeats)
    print(
        f"Jacobian norms ‖∂h_T/∂x_t‖ for all t, T=500 H=16, forward included on both sides: ours {j['ours'] * 1e3:.2f} ms, torch autograd {j['torch'] * 1e3:.2f} ms, "
        f"ratio {j['ours'] / j['torch']:.2f}x (target <= 1.0x)"
    )


if __name__ == "__main__":
    main()
