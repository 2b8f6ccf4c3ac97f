"""Errors a student can act on.

Every bad argument to the engine raises a subclass of ``ValueError`` whose
message names the thing that was wrong, what was expected and what was given,
so the app can show it as it is.
"""

from __future__ import annotations

import numpy as np


class GateLabError(ValueError):
    """Base class of every error the engine raises on bad input.

    The message is English, for the engine's own users. An error a student meets in the app
    also carries a ``code`` and its ``params``, so that the app says the same in the
    student's language (``ui.shell.errors.say``); an error without a code is shown as its message.
    """

    def __init__(self, message: str, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class ShapeError(GateLabError):
    """An array has the wrong number of dimensions or the wrong size."""


class NonFiniteError(GateLabError):
    """An array holds NaN or infinity."""


class StateDictError(GateLabError):
    """A weight dictionary has missing, extra or inconsistent entries."""


class ParseError(GateLabError):
    """Text that should hold numbers could not be read."""


class OverrideError(GateLabError):
    """A gate override names a gate, layer, step or unit that does not exist."""


def check_array(name: str, a: object, shape: tuple[int | None, ...]) -> np.ndarray:
    """Return ``a`` as a float64 array of ``shape`` (None = any size), or raise.

    >>> check_array("x", [[1.0]], (None, 1)).shape
    (1, 1)
    """
    try:
        arr = np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ShapeError(
            f"{name} must be an array of numbers; could not read it ({exc}).", "not_an_array", name=name
        ) from None
    dims = ["any" if s is None else str(s) for s in shape]
    want = "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"
    if arr.ndim != len(shape) or any(s is not None and s != n for s, n in zip(shape, arr.shape, strict=True)):
        raise ShapeError(
            f"{name} has shape {tuple(arr.shape)}, expected {want}.",
            "array_shape",
            name=name,
            shape=str(tuple(arr.shape)),
            want=want,
        )
    if not np.isfinite(arr).all():
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = tuple(int(b) for b in bad)
        raise NonFiniteError(
            f"{name} holds {arr[tuple(bad)]} at index {where}; every value must be a finite number.",
            "array_not_finite",
            name=name,
            value=str(arr[tuple(bad)]),
            index=str(where),
        )
    return arr
