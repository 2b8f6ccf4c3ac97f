"""Time-series classification data: built-in synthetic tasks and the UCR format.

Each task returns (X_train, y_train, X_test, y_test) with X of shape
(N, T, 1) and integer labels 0 … K−1, generated from a seed.

    shapes   sine vs square vs sawtooth (random period, phase, noise)
    trend    rising vs falling linear trend under strong noise
    order    which came first, the up-spike or the down-spike (long memory)
    count    how many spikes: 1, 2 or 3
    speed    slow vs fast oscillation (our own: frequency, whatever the phase)

UCR archive format: one series per line, the class label first, values
separated by tabs or commas; a train file and a test file.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .errors import ParseError
from .sequences import normalise, parse_number, quote

MAX_UCR_LENGTH = 2000  # values per series
MAX_CLASSES = 60

TASKS = ("shapes", "trend", "order", "count", "speed")
CLASSES = {
    "shapes": ("sine", "square", "sawtooth"),
    "trend": ("rising", "falling"),
    "order": ("up first", "down first"),
    "count": ("1 spike", "2 spikes", "3 spikes"),
    "speed": ("slow", "fast"),
}


def _one(task: str, rng: np.random.Generator, T: int) -> tuple[np.ndarray, int]:
    t = np.arange(T)
    noise = rng.normal(0, 1, T)
    if task == "shapes":
        k = int(rng.integers(3))
        period, phase = rng.uniform(8, 16), rng.uniform(0, 1)
        u = (t / period + phase) % 1.0
        y = [np.sin(2 * np.pi * u), np.where(u < 0.5, 1.0, -1.0), 2 * u - 1][k]
        return y + 0.1 * noise, k
    if task == "trend":
        k = int(rng.integers(2))
        slope = rng.uniform(0.5, 1.5) * (1 if k == 0 else -1) / T
        return slope * t * 2 + rng.normal(0, 0.3) + 0.4 * noise, k
    if task == "order":
        k = int(rng.integers(2))
        a, b = sorted(rng.choice(np.arange(2, T - 2), size=2, replace=False))
        x = 0.1 * noise
        x[a], x[b] = (1.0, -1.0) if k == 0 else (-1.0, 1.0)
        return x, k
    if task == "count":
        k = int(rng.integers(3))
        x = 0.1 * noise
        x[rng.choice(np.arange(1, T - 1), size=k + 1, replace=False)] = 1.0
        return x, k
    if task == "speed":
        k = int(rng.integers(2))
        period = rng.uniform(16, 24) if k == 0 else rng.uniform(5, 8)
        return np.sin(2 * np.pi * (t / period + rng.uniform(0, 1))) + 0.2 * noise, k
    raise ValueError(f"Unknown task {task!r}; choose one of {', '.join(TASKS)}.")


def make_task(task: str, seed: int = 0, n_train: int = 200, n_test: int = 200, length: int = 40):
    """(X_train, y_train, X_test, y_test) of a built-in task."""
    rng = np.random.default_rng(seed)
    out = []
    for n in (n_train, n_test):
        pairs = [_one(task, rng, length) for _ in range(n)]
        out += [np.stack([p[0] for p in pairs])[:, :, None], np.array([p[1] for p in pairs])]
    return tuple(out)


def parse_ucr(text: str, which: str = "train") -> tuple[np.ndarray, list[str]]:
    """One series per line, label first, tab- or comma-separated -> ((N, T), labels as written).
    Labels may be numbers (1, 2, −1 …) or words (cat, dog), as the time-series libraries read them.
    ``which`` ("train" or "test") names the file in messages."""
    name = f"the {which} file"
    rows = [(n + 1, ln) for n, ln in enumerate(normalise(text).splitlines()) if ln.strip()]
    if not rows:
        raise ParseError(
            f"{name} is empty: it needs one series per line, the class label first.", "ucr_empty", which=which
        )
    series, labels, T = [], [], None
    for n, ln in rows:
        cells = [c.strip() for c in (ln.split("\t") if "\t" in ln else re.split(r"\s*,\s*|\s+", ln.strip()))]
        label = cells[0]
        if not label or len(label) > 40:
            raise ParseError(
                f"{name}, line {n}: the label {quote(label)} is empty or too long (40 characters at most).",
                "ucr_label",
                which=which,
                line=n,
                label=quote(label),
            )
        values = [parse_number(c, ("ucr", which, n, j)) for j, c in enumerate(cells[1:], start=2)]
        if not values:
            raise ParseError(
                f"{name}, line {n} has a label but no values.", "ucr_no_values", which=which, line=n
            )
        if len(values) > MAX_UCR_LENGTH:
            raise ParseError(
                f"{name}, line {n} has {len(values):,} values; Gate Lab trains on series of up to {MAX_UCR_LENGTH}.",
                "ucr_too_long",
                which=which,
                line=n,
                got=f"{len(values):,}",
                max=MAX_UCR_LENGTH,
            )
        if T is None:
            T = len(values)
        elif len(values) != T:
            raise ParseError(
                f"{name}, line {n} has {len(values)} values; line {rows[0][0]} has {T}. "
                "Every series must have the same length.",
                "ucr_ragged",
                which=which,
                line=n,
                got=len(values),
                first=rows[0][0],
                want=T,
            )
        series.append(values)
        labels.append(_label(label))
    return np.array(series), labels


def _label(text: str) -> str:
    """A class label as shown: numbers in their shortest form (1.0 -> 1), words as written."""
    try:
        v = float(text)
    except ValueError:
        return text
    return f"{v:g}" if math.isfinite(v) else text


def _class_order(label: str) -> tuple:
    """Numbers first, in numeric order; then words, alphabetically."""
    try:
        return (0, float(label), "")
    except ValueError:
        return (1, 0.0, label)


def ucr_pair(train_text: str, test_text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple]:
    """Both files -> (X_train (N, T, 1), y_train, X_test, y_test, class names), labels mapped to 0 … K−1."""
    Xtr, ltr = parse_ucr(train_text, "train")
    Xte, lte = parse_ucr(test_text, "test")
    classes = sorted(set(ltr), key=_class_order)
    if len(classes) < 2:
        raise ParseError(
            f"The train file has only one class ({classes[0]}); classification needs two or more.",
            "ucr_one_class",
            label=classes[0],
        )
    if len(classes) > MAX_CLASSES:
        raise ParseError(
            f"The train file has {len(classes)} classes; Gate Lab shows up to {MAX_CLASSES}.",
            "ucr_many_classes",
            n=len(classes),
            max=MAX_CLASSES,
        )
    if Xte.shape[1] != Xtr.shape[1]:
        raise ParseError(
            f"The test series have {Xte.shape[1]} values and the train series {Xtr.shape[1]}; they must match.",
            "ucr_lengths",
            test=Xte.shape[1],
            train=Xtr.shape[1],
        )
    unseen = sorted(set(lte) - set(classes), key=_class_order)
    if unseen:
        raise ParseError(
            f"The test file has classes the train file never shows: {', '.join(map(quote, unseen[:5]))}.",
            "ucr_unseen",
            labels=", ".join(map(quote, unseen[:5])),
        )
    index = {c: k for k, c in enumerate(classes)}
    ytr = np.array([index[c] for c in ltr])
    yte = np.array([index[c] for c in lte])
    return Xtr[:, :, None], ytr, Xte[:, :, None], yte, tuple(classes)
