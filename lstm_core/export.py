"""A trace as CSV text: one row per (t, layer, unit), t/layer/unit 1-based."""

from __future__ import annotations

import io

import numpy as np

from .trace import Trace


def trace_to_csv(trace: Trace) -> str:
    """Columns t, layer, unit, input, in1…inM, then the kind's series: LSTM i, f, g, o, C, h; GRU r, z, n, h;
    RNN h. Each row carries its own layer's input x_t: ``input`` names it ("x", the network input, for
    layer 1; "h of layer k−1" above), in1…inM are its values (M = the widest layer input; empty where a
    layer's input is narrower)."""
    M = max(lt.x.shape[1] for lt in trace.layers)
    names = trace.kind.series
    cols = ["t", "layer", "unit", "input"] + [f"in{d + 1}" for d in range(M)]
    cols += ["C" if n == "c" else n for n in names]
    out = io.StringIO()
    out.write(",".join(cols) + "\n")
    for k, lt in enumerate(trace.layers):
        T, H = lt.h.shape
        x = np.full((T, M), np.nan)
        x[:, : lt.x.shape[1]] = lt.x  # (T, D_k): this layer's own x_t
        t = np.repeat(np.arange(1, T + 1), H)
        unit = np.tile(np.arange(1, H + 1), T)
        parts = [t, np.full(T * H, k + 1), unit, np.repeat(x, H, axis=0)] + [
            lt.gate(n).reshape(-1) for n in names
        ]
        block = io.StringIO()
        fmt = ["%d", "%d", "%d"] + ["%.10g"] * (M + len(names))
        np.savetxt(block, np.column_stack(parts), delimiter=",", fmt=fmt)
        source = "x" if k == 0 else f"h of layer {k}"
        for line in block.getvalue().splitlines():
            head, rest = line.split(",", 3)[:3], line.split(",", 3)[3]
            out.write(",".join(head) + f",{source}," + rest.replace("nan", "") + "\n")
    return out.getvalue()
