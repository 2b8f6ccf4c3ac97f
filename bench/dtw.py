"""1-NN DTW (full warping window) on UCR-sized data: our anti-diagonal NumPy DTW against the
textbook cell-by-cell dynamic programme, timed in the same run on a sample of pairs.

    python bench/dtw.py

Prints, per shape (train series × test series × length), the time for the whole distance
matrix (what the Classify page waits for, once per dataset), ns per DP cell for both, and
their ratio (median of 5 runs)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lstm_core.classify import dtw_distances  # noqa: E402
from tests.unit.test_classify import _dtw_reference  # noqa: E402

# Shapes of small UCR datasets (train, test, length) and the app's built-in tasks.
SHAPES = {
    "ItalyPowerDemand": (67, 1029, 24),
    "ECG200": (100, 100, 96),
    "GunPoint": (50, 150, 150),
    "Coffee": (28, 28, 286),
    "built-in task": (500, 500, 40),
}


def median_time(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    rng = np.random.default_rng(0)
    print(
        f"{'data':18} {'n×m×T':>16} {'whole matrix':>13} {'ours ns/cell':>13} {'textbook ns/cell':>17} {'ratio':>7}"
    )
    for name, (n, m, T) in SHAPES.items():
        A, B = rng.standard_normal((n, T)), rng.standard_normal((m, T))
        whole = median_time(lambda A=A, B=B: dtw_distances(A, B), runs=3)
        ours = whole / (n * m * T * T) * 1e9
        pairs = 3  # the textbook loop is slow: time a few pairs
        ref = (
            median_time(lambda A=A, B=B: [_dtw_reference(A[k], B[k]) for k in range(3)])
            / (pairs * T * T)
            * 1e9
        )
        print(
            f"{name:18} {f'{n}×{m}×{T}':>16} {whole:>11.2f} s {ours:>13.1f} {ref:>17.1f} {ours / ref:>6.3f}x"
        )


if __name__ == "__main__":
    main()
