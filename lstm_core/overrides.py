""" "What if" gate overrides: force a gate to a value at chosen steps and units.

Example: keep the memory from t = 5 on (1-based) in layer 0 —
``GateOverride("f", layer=0, value=1.0, start=4)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .cell import GATES
from .errors import OverrideError


@dataclass(frozen=True)
class GateOverride:
    """Force ``gate`` of ``layer`` to ``value`` for steps start ≤ t < stop (0-based)."""

    gate: str  # one of "i", "f", "g", "o"
    layer: int  # 0-based layer index
    value: float  # 0…1 for i, f, o; −1…1 for g
    start: int = 0  # first forced step, 0-based
    stop: int | None = None  # one past the last forced step; None = to the end
    units: tuple[int, ...] | None = None  # None = every unit of the layer


def override_masks(
    overrides: Sequence[GateOverride], cell: str, hidden_sizes: Sequence[int], T: int
) -> list[tuple[np.ndarray, np.ndarray] | None]:
    """Per layer, (forced (T, 4H) bool, value (T, 4H)) or None if nothing is forced."""
    out: list[tuple[np.ndarray, np.ndarray] | None] = [None] * len(hidden_sizes)
    for ov in overrides:
        if cell != "lstm":
            raise OverrideError("Gate overrides need an LSTM: a plain RNN has no gates to force.")
        if ov.gate not in GATES:
            raise OverrideError(f"Override gate is {ov.gate!r}; expected one of i, f, g, o.")
        if not 0 <= ov.layer < len(hidden_sizes):
            raise OverrideError(
                f"Override layer is {ov.layer}; this network has layers 0 to {len(hidden_sizes) - 1}."
            )
        lo, hi = (-1.0, 1.0) if ov.gate == "g" else (0.0, 1.0)
        if not (np.isfinite(ov.value) and lo <= ov.value <= hi):
            raise OverrideError(
                f"Override value for {ov.gate} is {ov.value}; it must lie between {lo:g} and {hi:g}."
            )
        stop = T if ov.stop is None else ov.stop
        if not 0 <= ov.start < stop <= T:
            raise OverrideError(
                f"Override steps {ov.start}..{stop} (0-based, stop excluded) do not fit "
                f"a sequence of {T} steps."
            )
        H = hidden_sizes[ov.layer]
        units = range(H) if ov.units is None else ov.units
        if any(not 0 <= u < H for u in units) or len(units) == 0:
            raise OverrideError(
                f"Override units {list(units)} do not exist in layer {ov.layer}, "
                f"which has units 0 to {H - 1}."
            )
        if out[ov.layer] is None:
            out[ov.layer] = (np.zeros((T, 4 * H), dtype=bool), np.zeros((T, 4 * H)))
        mask, val = out[ov.layer]
        cols = GATES.index(ov.gate) * H + np.asarray(list(units))
        mask[ov.start : stop, cols] = True
        val[ov.start : stop, cols] = ov.value
    return out
