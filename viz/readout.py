"""A trained classifier's read-out at every step, for the browser-side stepper: what it would say
if the series ended at step t (its class probabilities and the class it would choose), and the
step from which its choice no longer changes. Plain data, no Streamlit.

``readout_data`` is what the stepper gets (the numbers once, the sentence as its template:
``viz.stepdata``); ``readout_view`` the same with every step's text, the reference it is tested
against."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from lstm_core.classify import settles_at

from .stepdata import enc_all, say
from .style import num


def _decision(p: np.ndarray, names: Sequence[str]) -> tuple[np.ndarray, int, list[str], str]:
    """The class chosen after each step, the step where the choice settles, the class names as text,
    and the class chosen at the end."""
    choice = p.argmax(axis=1)
    names = [str(n) for n in names]
    return choice, settles_at(p), names, names[choice[-1]]


def readout_view(p: np.ndarray, names: Sequence[str], tx: Callable[..., str], digits: int) -> dict:
    """p: (T, K) class probabilities after each step. Class names go out as text (the browser sets
    them with textContent: a UCR file's labels are never read as markup)."""
    choice, s, names, final = _decision(p, names)
    return {
        "title": tx("readout_title"),
        "names": names,
        "p": np.round(p, 6).tolist(),
        "text": [[num(v, digits) for v in row] for row in p],
        "choice": choice.tolist(),
        "said": [tx("readout_said", t=t + 1, name=names[c]) for t, c in enumerate(choice)],
        "settles": s,
        "settled": tx("readout_settled", s=s + 1, name=final),
        "not_yet": tx("readout_not_yet", s=s + 1),
    }


def readout_data(p: np.ndarray, names: Sequence[str], tx: Callable[..., str], digits: int) -> dict:
    """``readout_view`` for the browser: the numbers shown as ``enc`` integers (``e``, ``digits``
    decimals: ``d``) and the step's sentence as a template."""
    choice, s, names, final = _decision(p, names)
    return {
        "title": tx("readout_title"),
        "names": names,
        "p": np.round(p, 6).tolist(),  # the bars
        "e": enc_all(p, digits),
        "d": digits,
        "choice": choice.tolist(),
        "said": say(tx("readout_said"), {"t": ["t"], "name": ["name"]}),
        "settles": s,
        "settled": tx("readout_settled", s=s + 1, name=final),
        "not_yet": tx("readout_not_yet", s=s + 1),
    }
