"""The engine's and the file readers' errors in the student's language.

An error with a ``code`` (``lstm_core.GateLabError``) is said from the string table
``err_<code>``, its parameters translated too (a place in the text, which file);
one without a code is shown as its English message.
"""

from __future__ import annotations

import numbers

from ui.shell.i18n import outside, tx
from ui.shell.strings import STRINGS


def place(where: tuple) -> str:
    """("number", n) | ("cell", line, column) | ("ucr", "train" | "test", line, column), in words."""
    kind, *at = where
    if kind == "number":
        return tx("place_number", n=at[0])
    if kind == "cell":
        return tx("place_cell", line=at[0], col=at[1])
    return tx("place_ucr", which=tx(f"file_{at[0]}"), line=at[1], col=at[2])


def _quoted(name: str, value: object) -> object:
    """A parameter as the message quotes it: numbers and places as they are, text escaped."""
    if name in ("where", "which") or isinstance(value, numbers.Number):
        return value
    return outside(value, 80)


def say(e: Exception) -> str:
    """The error in the student's language. Its values came from outside (a typed token, a file's name,
    a member's name, a label) and are quoted escaped (``outside``); places and file roles are words."""
    code = getattr(e, "code", None)
    if not code or f"err_{code}" not in STRINGS:
        return outside(e, 600)
    params = {k: _quoted(k, v) for k, v in getattr(e, "params", {}).items()}
    try:
        if isinstance(params.get("where"), tuple):
            params["where"] = place(params["where"])
        if "which" in params:
            params["which"] = tx(f"file_{params['which']}")
        return tx(f"err_{code}").format(**params)  # format here: tx() leaves a text without values as it is
    except (
        KeyError,
        IndexError,
        ValueError,
    ):  # a table entry and the error disagree: the English is still true
        return outside(e, 600)
