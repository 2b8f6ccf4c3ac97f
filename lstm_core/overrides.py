""" "What if" gate overrides: force a gate to a value at chosen steps and units.

Example: keep the memory from t = 5 on (1-based) in layer 0 —
``GateOverride("f", layer=0, value=1.0, start=4)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .errors import OverrideError
from .kinds import kind_of


@dataclass(frozen=True)
class GateOverride:
    """Force ``gate`` of ``layer`` to ``value`` for steps start ≤ t < stop (0-based)."""

    gate: str  # one of the kind's gates: LSTM i, f, g, o; GRU r, z, n
    layer: int  # 0-based layer index
    value: float  # 0…1 for a gate (σ), −1…1 for a candidate (tanh: LSTM g, GRU n)
    start: int = 0  # first forced step, 0-based
    stop: int | None = None  # one past the last forced step; None = to the end
    units: tuple[int, ...] | None = None  # None = every unit of the layer


def override_masks(
    overrides: Sequence[GateOverride], cell: str, hidden_sizes: Sequence[int], T: int
) -> list[tuple[np.ndarray, np.ndarray] | None]:
    """Per layer, (forced (T, G·H) bool, value (T, G·H)) or None if nothing is forced."""
    kind = kind_of(cell)
    G = kind.G
    out: list[tuple[np.ndarray, np.ndarray] | None] = [None] * len(hidden_sizes)
    for ov in overrides:
        if not kind.gates:
            raise OverrideError(
                "Gate overrides need an LSTM or a GRU: a plain RNN has no gates to force.", "ov_no_gates"
            )
        if ov.gate not in kind.gates:
            names = ", ".join(kind.gates)
            raise OverrideError(
                f"Override gate is {ov.gate!r}; expected one of {names}.",
                "ov_gate",
                gate=ov.gate,
                names=names,
            )
        if not 0 <= ov.layer < len(hidden_sizes):
            raise OverrideError(
                f"Override layer is {ov.layer}; this network has layers 0 to {len(hidden_sizes) - 1}.",
                "ov_layer",
                layer=ov.layer + 1,
                layers=len(hidden_sizes),
            )
        lo, hi = kind.bounds(ov.gate)
        if not (np.isfinite(ov.value) and lo <= ov.value <= hi):
            raise OverrideError(
                f"Override value for {ov.gate} is {ov.value}; it must lie between {lo:g} and {hi:g}.",
                "ov_value",
                gate=ov.gate,
                value=ov.value,
                lo=f"{lo:g}",
                hi=f"{hi:g}",
            )
        stop = T if ov.stop is None else ov.stop
        if not 0 <= ov.start < stop <= T:
            raise OverrideError(
                f"Override steps {ov.start}..{stop} (0-based, stop excluded) do not fit "
                f"a sequence of {T} steps.",
                "ov_steps",
                start=ov.start + 1,
                stop=stop,
                T=T,
            )
        H = hidden_sizes[ov.layer]
        units = range(H) if ov.units is None else ov.units
        if any(not 0 <= u < H for u in units) or len(units) == 0:
            raise OverrideError(
                f"Override units {list(units)} do not exist in layer {ov.layer}, "
                f"which has units 0 to {H - 1}.",
                "ov_units",
                layer=ov.layer + 1,
                H=H,
            )
        if out[ov.layer] is None:
            out[ov.layer] = (np.zeros((T, G * H), dtype=bool), np.zeros((T, G * H)))
        mask, val = out[ov.layer]
        cols = kind.block(ov.gate) * H + np.asarray(list(units))
        mask[ov.start : stop, cols] = True
        val[ov.start : stop, cols] = ov.value
    return out
