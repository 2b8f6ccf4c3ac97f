"""Weights files in and out: .npz and .safetensors, never a pickle.

``read_weights`` turns the bytes of an uploaded file into name -> float64
array, or raises ``WeightsFileError`` with a sentence for the student.
"""

from __future__ import annotations

import io
import zipfile

import numpy as np
from safetensors import SafetensorError
from safetensors.numpy import load as load_safetensors

from lstm_core import GateLabError, Network

MAX_BYTES = 8 * 1024 * 1024  # the server's upload limit (.streamlit/config.toml) says the same


class WeightsFileError(GateLabError):
    """A weights file that cannot be read."""


def read_weights(name: str, data: bytes) -> dict[str, np.ndarray]:
    if len(data) > MAX_BYTES:
        raise WeightsFileError(
            f"{name} is {len(data) / 1024:.0f} KB; Gate Lab reads weight files up to {MAX_BYTES // 2**20} MB.",
            "file_too_big",
            name=name,
            kb=f"{len(data) / 1024:.0f}",
            mb=MAX_BYTES // 2**20,
        )
    if name.lower().endswith(".safetensors"):
        try:
            arrays = load_safetensors(data)
        except (SafetensorError, ValueError, TypeError) as exc:
            raise WeightsFileError(
                f"{name} is not a valid .safetensors file ({_short(exc)}).", "not_safetensors", name=name
            ) from None
    elif name.lower().endswith(".npz"):
        if not data.startswith(b"PK\x03\x04"):  # an .npz is a zip archive of .npy files
            raise WeightsFileError(
                f"{name} is not a valid .npz file: it is not a zip archive of arrays.", "not_npz", name=name
            )
        arrays = _read_npz(name, data)
    else:
        raise WeightsFileError(
            f"{name}: Gate Lab reads .npz or .safetensors weight files.", "file_kind", name=name
        )
    out = {}
    for k, a in arrays.items():
        if a.dtype.kind not in "fiu":
            raise WeightsFileError(
                f"{k} in {name} holds {a.dtype} values; weights must be numbers.",
                "not_numbers",
                name=name,
                member=k,
            )
        out[k] = a.astype(np.float64)
    return out


def _read_npz(name: str, data: bytes) -> dict[str, np.ndarray]:
    """Every member of an .npz, each read on its own so that a bad one is named."""
    try:
        z = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WeightsFileError(
            f"{name} is not a valid .npz file ({_short(exc)}).", "not_npz", name=name
        ) from None
    arrays = {}
    with z:
        for k in z.files:
            try:
                a = z[k]
                if not isinstance(
                    a, np.ndarray
                ):  # NpzFile hands back the raw bytes of a member that is no .npy
                    raise ValueError("it is not a .npy array")
                arrays[k] = a
            except ValueError as exc:
                if "allow_pickle" in str(exc) or "Object arrays" in str(exc):
                    raise WeightsFileError(
                        f"{name} holds pickled Python objects in {k!r}. Gate Lab never unpickles files (it could "
                        "run code); save plain arrays with numpy.savez.",
                        "pickled",
                        name=name,
                        member=k,
                    ) from None
                raise WeightsFileError(
                    f"{k!r} in {name} is not a NumPy array ({_short(exc)}).",
                    "member_not_array",
                    name=name,
                    member=k,
                ) from None
            except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
                raise WeightsFileError(
                    f"{k!r} in {name} cannot be read ({_short(exc)}).",
                    "member_not_array",
                    name=name,
                    member=k,
                ) from None
    return arrays


def _short(exc: Exception, n: int = 80) -> str:
    text = str(exc)
    return text if len(text) <= n else text[:n] + "…"


def to_npz(net: Network) -> bytes:
    """Every weight in PyTorch naming, float64, as .npz bytes."""
    buf = io.BytesIO()
    np.savez(buf, **net.state_dict())
    return buf.getvalue()
