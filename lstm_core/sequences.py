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
import re
import unicodedata

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


MAX_ABS = 1e6  # the same rule as for weights: the engine is proven finite and silent up to here
_SEPARATORS = re.compile(r"[,;\s]")


def quote(text: str, n: int = 40) -> str:
    """A piece of the student's text as a message may quote it: at most ``n`` characters."""
    return repr(text) if len(text) <= n else f"{text[:n]!r}… ({len(text):,} characters)"


def normalise(text: str) -> str:
    """Full-width digits and punctuation (１，２；３) as ASCII, and the minus sign − the app
    itself prints as a hyphen-minus, so numbers copied from anywhere read the same."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-").replace("\u3001", ",")


def place_en(where: tuple) -> str:
    """A place in the student's text, in English: ("number", n) | ("cell", line, column)
    | ("ucr", file, line, column)."""
    kind, *at = where
    if kind == "number":
        return f"Number {at[0]}"
    if kind == "cell":
        return f"Line {at[0]}, column {at[1]}"
    return f"the {at[0]} file, line {at[1]}, column {at[2]}"


def parse_number(token: str, where: tuple) -> float:
    """One number from text; ParseError naming ``where`` (see ``place_en``) when it is not a
    finite number up to ±1e6."""
    token, at = token.strip(), place_en(where)
    if not token:
        raise ParseError(
            f"{at} is empty: two separators in a row. Remove one, or put a number between them.",
            "empty_value",
            where=where,
        )
    try:
        if "_" in token:  # Python reads 1_000 as 1000; a student's CSV does not mean that
            raise ValueError(token)
        v = float(token)
    except ValueError:
        raise ParseError(
            f"{at}: {quote(token)} is not a number.", "not_a_number", where=where, token=quote(token)
        ) from None
    if not math.isfinite(v):
        raise ParseError(
            f"{at}: {quote(token)} is not a finite number; use ordinary numbers only.",
            "not_finite",
            where=where,
            token=quote(token),
        )
    if abs(v) > MAX_ABS:
        raise ParseError(
            f"{at}: {quote(token)} is too large; Gate Lab takes inputs between −1e6 and 1e6.",
            "too_large",
            where=where,
            token=quote(token),
        )
    return v


def parse_numbers(text: str) -> np.ndarray:
    """Numbers separated by commas, semicolons, spaces or newlines -> (T, 1).
    A comma next to spaces is one separator; two commas in a row are an error.

    >>> parse_numbers("1, 2\\n3").ravel().tolist()
    [1.0, 2.0, 3.0]
    """
    text = normalise(text)
    tokens = re.split(r"\s*[,;]\s*|\s+", text.strip())
    if tokens and tokens[-1] == "":
        tokens.pop()  # one separator at the end is harmless
    if not tokens or tokens == [""]:
        raise ParseError("No numbers found: type or paste numbers such as 0, 0.5, 1, 0.5.", "no_numbers")
    vals = [parse_number(tok, ("number", n + 1)) for n, tok in enumerate(tokens)]
    return np.asarray(vals, dtype=np.float64)[:, None]


def parse_csv(text: str, max_columns: int = 1024) -> tuple[np.ndarray, tuple[str, ...]]:
    """CSV text, one column per input dimension, optional header -> ((T, D), names).

    The delimiter (comma, semicolon or tab) is guessed from the text. A first
    row that is not all numbers is taken as the header.
    """
    lines = [(n + 1, ln) for n, ln in enumerate(normalise(text).splitlines()) if ln.strip()]
    if not lines:
        raise ParseError("The CSV file is empty: it needs at least one row of numbers.", "csv_empty")
    sample = "\n".join(ln for _, ln in lines[:20])
    delim = next((d for d in ("\t", ";", ",") if d in sample), ",")
    rows = [
        (n, [c.strip() for c in row])
        for (n, _), row in zip(lines, csv.reader((ln for _, ln in lines), delimiter=delim), strict=True)
    ]
    first = rows[0][1]
    if len(first) > max_columns:
        raise ParseError(
            f"The CSV file has {len(first):,} columns; Gate Lab takes at most {max_columns:,} inputs per "
            "step (one column each). Keep the columns you want to feed the model.",
            "csv_too_wide",
            n=f"{len(first):,}",
            max=f"{max_columns:,}",
        )
    has_header = any(not _is_number(c) for c in first)
    names = (
        tuple(quote_name(c) for c in first) if has_header else tuple(f"x{j + 1}" for j in range(len(first)))
    )
    data = rows[1:] if has_header else rows
    if not data:
        raise ParseError("The CSV file has a header but no rows of numbers under it.", "csv_no_rows")
    D = len(names)
    out = np.empty((len(data), D))
    for r, (n, cells) in enumerate(data):
        if len(cells) != D:
            raise ParseError(
                f"Line {n} has {len(cells)} values; expected {D}, like the "
                f"{'header' if has_header else 'first line'} — every row needs one value per column.",
                "csv_ragged",
                line=n,
                got=len(cells),
                want=D,
            )
        out[r] = [parse_number(c, ("cell", n, j + 1)) for j, c in enumerate(cells)]
    return out, names


def quote_name(name: str, n: int = 24) -> str:
    """A column name short enough for a legend."""
    return name if len(name) <= n else name[: n - 1] + "…"


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return "_" not in s
