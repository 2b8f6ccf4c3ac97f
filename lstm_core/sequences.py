"""Input sequences: generated signals, pasted numbers and CSV text -> (T, D) arrays.

Generators take a length T, an amplitude A, a period P (in steps), an onset
(the step where a step or impulse happens, 0-based) and a seed, and return a
(T, 1) float64 array:

    sine      A·sin(2πt/P)                square    +A for the first half of each period, −A after
    sawtooth  A·(2·frac(t/P) − 1)         step      0 before the onset, A from it on
    impulse   A at the onset, 0 elsewhere  noise     A·N(0, 1) per step
    walk      cumulative sum of A/√P·N(0, 1): wanders about ±A per period
"""

from __future__ import annotations

import csv
import math

import numpy as np

from .errors import GateLabError, ParseError

KINDS = ("sine", "square", "sawtooth", "step", "impulse", "noise", "walk")
MAX_LENGTH = 100_000


def generate(
    kind: str,
    length: int,
    amplitude: float = 1.0,
    period: float = 20.0,
    seed: int = 0,
    onset: int = 5,
) -> np.ndarray:
    """A (length, 1) signal of the given kind (see the module docstring)."""
    if kind not in KINDS:
        raise GateLabError(f"Input kind is {kind!r}; expected one of {', '.join(KINDS)}.")
    if not 1 <= int(length) <= MAX_LENGTH:
        raise GateLabError(f"Sequence length is {length}; it must be between 1 and {MAX_LENGTH}.")
    if not math.isfinite(amplitude):
        raise GateLabError(f"Amplitude is {amplitude}; it must be a finite number.")
    if not (math.isfinite(period) and period > 0):
        raise GateLabError(f"Period is {period}; it must be a number above 0.")
    if not 0 <= onset < length:
        raise GateLabError(f"Onset is step {onset}; it must lie in 0 … {length - 1} (0-based).")
    t = np.arange(int(length), dtype=np.float64)
    rng = np.random.default_rng(seed)
    if kind == "sine":
        y = np.sin(2 * np.pi * t / period)
    elif kind == "square":
        y = np.where((t / period) % 1.0 < 0.5, 1.0, -1.0)
    elif kind == "sawtooth":
        y = 2.0 * ((t / period) % 1.0) - 1.0
    elif kind == "step":
        y = (t >= onset).astype(np.float64)
    elif kind == "impulse":
        y = (t == onset).astype(np.float64)
    elif kind == "noise":
        y = rng.standard_normal(t.size)
    else:  # walk
        y = np.cumsum(rng.standard_normal(t.size)) / np.sqrt(period)
    return (amplitude * y)[:, None]


def parse_number(token: str, where: str) -> float:
    """One number from text; ParseError saying ``where`` when it is not a finite number."""
    try:
        v = float(token)
    except ValueError:
        raise ParseError(f"{where}: {token!r} is not a number.") from None
    if not math.isfinite(v):
        raise ParseError(f"{where}: {token!r} is not a finite number; use ordinary numbers only.")
    return v


def parse_numbers(text: str) -> np.ndarray:
    """Numbers separated by commas, spaces, semicolons or newlines -> (T, 1).

    >>> parse_numbers("1, 2\\n3").ravel().tolist()
    [1.0, 2.0, 3.0]
    """
    tokens = text.replace(",", " ").replace(";", " ").split()
    if not tokens:
        raise ParseError("No numbers found: type or paste numbers such as 0, 0.5, 1, 0.5.")
    vals = [parse_number(tok, f"Number {n + 1}") for n, tok in enumerate(tokens)]
    return np.asarray(vals, dtype=np.float64)[:, None]


def parse_csv(text: str) -> tuple[np.ndarray, tuple[str, ...]]:
    """CSV text, one column per input dimension, optional header -> ((T, D), names).

    The delimiter (comma, semicolon or tab) is guessed from the text. A first
    row that is not all numbers is taken as the header.
    """
    lines = [(n + 1, ln) for n, ln in enumerate(text.splitlines()) if ln.strip()]
    if not lines:
        raise ParseError("The CSV file is empty: it needs at least one row of numbers.")
    sample = "\n".join(ln for _, ln in lines[:20])
    delim = next((d for d in ("\t", ";", ",") if d in sample), ",")
    rows = [
        (n, [c.strip() for c in row])
        for (n, _), row in zip(lines, csv.reader((ln for _, ln in lines), delimiter=delim), strict=True)
    ]
    first = rows[0][1]
    has_header = any(not _is_number(c) for c in first)
    names = tuple(first) if has_header else tuple(f"x{j + 1}" for j in range(len(first)))
    data = rows[1:] if has_header else rows
    if not data:
        raise ParseError("The CSV file has a header but no rows of numbers under it.")
    D = len(names)
    out = np.empty((len(data), D))
    for r, (n, cells) in enumerate(data):
        if len(cells) != D:
            raise ParseError(
                f"Line {n} has {len(cells)} values; expected {D}, like the "
                f"{'header' if has_header else 'first line'} — every row needs one value per column."
            )
        out[r] = [parse_number(c, f"Line {n}, column {j + 1}") for j, c in enumerate(cells)]
    return out, names


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True
