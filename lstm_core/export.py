"""A trace as CSV text: one row per (t, layer, unit), t/layer/unit 1-based."""

from __future__ import annotations

import io

import numpy as np

from .trace import Trace


def trace_to_csv(trace: Trace) -> str:
    """Columns t, layer, unit, x1…xD (the network input), then the kind's series: LSTM i, f, g, o, C, h;
    GRU r, z, n, h; RNN h."""
    D = trace.x.shape[1]
    cols = ["t", "layer", "unit"] + [f"x{d + 1}" for d in range(D)]
    names = trace.kind.series
    cols += ["C" if n == "c" else n for n in names]
    blocks = []
    for k, lt in enumerate(trace.layers):
        T, H = lt.h.shape
        t = np.repeat(np.arange(1, T + 1), H)
        unit = np.tile(np.arange(1, H + 1), T)
        parts = [t, np.full(T * H, k + 1), unit] + [np.repeat(trace.x[:, d], H) for d in range(D)]
        parts += [lt.gate(n).reshape(-1) for n in names]
        blocks.append(np.column_stack(parts))
    out = io.StringIO()
    out.write(",".join(cols) + "\n")
    fmt = ["%d", "%d", "%d"] + ["%.10g"] * (len(cols) - 3)
    np.savetxt(out, np.vstack(blocks), delimiter=",", fmt=fmt)
    return out.getvalue()
