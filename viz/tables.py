"""Charts as tables: the text alternative of every chart (a screen reader, or a
student who wants the exact numbers, reads these). Pure functions over the
trace that return markdown or plain column dicts; no Streamlit."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def columns(t_name: str, series: dict[str, np.ndarray], digits: int = 6) -> dict[str, list]:
    """Curves over t (1-based) as columns for a data table, rounded, NaN as None."""
    out: dict[str, list] = {t_name: list(range(1, len(next(iter(series.values()))) + 1))}
    for name, v in series.items():
        out[name] = [None if not np.isfinite(x) else float(f"{x:.{digits}g}") for x in np.asarray(v, float)]
    return out


def history_columns(history: list[tuple], tx: Callable[[str], str]) -> dict[str, list]:
    """The training curves: epoch, loss, train and test accuracy (%)."""
    h = np.asarray(history, dtype=float).reshape(-1, 4)
    return {
        tx("clf_epoch"): h[:, 0].astype(int).tolist(),
        tx("clf_loss"): np.round(h[:, 1], 4).tolist(),
        tx("clf_train"): np.round(100 * h[:, 2], 1).tolist(),
        tx("clf_test"): np.round(100 * h[:, 3], 1).tolist(),
    }
