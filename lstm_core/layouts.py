"""Weights from elsewhere: detect PyTorch or Keras naming (LSTM, GRU or plain
RNN, told apart by the number of blocks in the recurrent matrix), and a
compact text form of a small network for links.

``detect(arrays)`` takes the arrays of a weights file (name -> array) and
finds the recurrent layers in them:

* PyTorch (``nn.LSTM`` / ``nn.GRU`` / ``nn.RNN`` state dicts, also inside a bigger model:
  ``lstm.weight_ih_l0`` …): keys ``<prefix>weight_ih_l{k}`` etc.
* Keras (``LSTM`` / ``GRU`` (reset_after=True) / ``SimpleRNN`` weights saved by name): ``<prefix>kernel``,
  ``<prefix>recurrent_kernel``, ``<prefix>bias`` per layer; layers are taken
  in the natural order of their prefixes (lstm, lstm_1, lstm_2 …).

Everything else in the file (a classifier head, say) is listed as ignored.
"""

from __future__ import annotations

import base64
import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .errors import StateDictError
from .kinds import CELLS, KINDS_BY_NAME
from .network import Network

MAX_ABS = 1e6  # the engine is proven finite and silent up to here
TORCH_KEY = re.compile(r"^(.*?)(weight_ih|weight_hh|bias_ih|bias_hh)_l(\d+)(_reverse)?$")
KERAS_KEY = re.compile(r"^(.*?)(recurrent_kernel|kernel|bias)(:0)?$")


@dataclass(frozen=True)
class Detected:
    layout: str  # "pytorch" or "keras"
    network: Network
    ignored: tuple[str, ...]  # names in the file that are not recurrent weights
    notes: tuple[str, ...] = ()  # things the student should know, e.g. "keras_one_bias"

    @property
    def cell(self) -> str:
        return self.network.cell


def _cell_from(rows: int, H: int, where: str) -> str:
    """The cell kind from a recurrent matrix with ``rows`` rows for hidden size ``H``."""
    for cell, G in CELLS.items():
        if rows == G * H:
            return cell
    expected = f"an LSTM's is ({4 * H}, {H}), a GRU's ({3 * H}, {H}) and a plain RNN's ({H}, {H}) for hidden size {H}"
    shapes = dict(matrix=where, lstm=f"({4 * H}, {H})", gru=f"({3 * H}, {H})", rnn=f"({H}, {H})", H=H)
    raise StateDictError(f"{where} has the wrong shape: {expected}.", "wrong_shape", **shapes)


def _natural(s: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s)]


def _check_range(arrays: Mapping[str, np.ndarray]) -> None:
    for name, a in arrays.items():
        a = np.asarray(a)
        if a.dtype.kind not in "fiu":
            raise StateDictError(
                f"{name} holds {a.dtype} values; weights must be numbers.",
                "not_numbers",
                member=name,
                name="",
            )
        a = a.astype(np.float64)
        if not np.isfinite(a).all():
            raise StateDictError(
                f"{name} holds NaN or infinity; every weight must be a finite number.",
                "weights_not_finite",
                member=name,
            )
        if a.size and np.abs(a).max() > MAX_ABS:
            raise StateDictError(
                f"{name} holds {np.abs(a).max():.3g}; Gate Lab takes weights up to ±{MAX_ABS:g}.",
                "weights_too_large",
                member=name,
                value=f"{np.abs(a).max():.3g}",
            )


def detect(arrays: Mapping[str, np.ndarray]) -> Detected:
    """Find the recurrent layers in a weights file (see the module docstring)."""
    if not arrays:
        raise StateDictError("The file holds no arrays.", "no_arrays")
    torch_keys = {k: m for k in arrays if (m := TORCH_KEY.match(k))}
    if torch_keys:
        reverse = [k for k, m in torch_keys.items() if m.group(4)]
        if reverse:
            raise StateDictError(
                f"Bidirectional layers are not supported (found {reverse[0]}).",
                "bidirectional",
                member=reverse[0],
            )
        prefix = sorted({m.group(1) for m in torch_keys.values()}, key=_natural)[0]
        sd = {k[len(prefix) :]: arrays[k] for k, m in torch_keys.items() if m.group(1) == prefix}
        _check_range(sd)
        W = np.asarray(sd.get("weight_hh_l0", np.zeros((0, 0))))
        if W.ndim != 2 or W.shape[1] == 0:
            raise StateDictError(
                f"{prefix}weight_hh_l0 is missing or not a matrix.",
                "not_matrix",
                name=f"{prefix}weight_hh_l0",
            )
        cell = _cell_from(W.shape[0], W.shape[1], f"{prefix}weight_hh_l0 {W.shape}")
        net = Network.from_state_dict(sd, cell)
        ignored = tuple(k for k in arrays if not (k in torch_keys and torch_keys[k].group(1) == prefix))
        return Detected("pytorch", net, ignored)
    keras = {k: m for k in arrays if (m := KERAS_KEY.match(k))}
    groups: dict[str, dict[str, np.ndarray]] = {}
    for k, m in keras.items():
        groups.setdefault(m.group(1), {})[m.group(2)] = arrays[k]
    layers = [
        (p, g) for p, g in sorted(groups.items(), key=lambda pg: _natural(pg[0])) if "recurrent_kernel" in g
    ]
    if not layers:
        raise StateDictError(
            "No recurrent weights found. Expected PyTorch names (weight_ih_l0, weight_hh_l0, bias_ih_l0, "
            f"bias_hh_l0, …) or Keras names (kernel, recurrent_kernel, bias); got {sorted(arrays)[:6]}.",
            "no_recurrent",
            got=", ".join(sorted(arrays)[:6]),
        )
    for _, g in layers:
        _check_range(g)
    rec = np.asarray(layers[0][1]["recurrent_kernel"])
    if rec.ndim != 2 or rec.shape[0] == 0:
        raise StateDictError(
            f"{layers[0][0]}recurrent_kernel is not a matrix.",
            "not_matrix",
            name=f"{layers[0][0]}recurrent_kernel",
        )
    cell = _cell_from(rec.shape[1], rec.shape[0], f"{layers[0][0]}recurrent_kernel {rec.shape}")
    net = Network.from_keras([g for _, g in layers], cell)
    used = {p for p, _ in layers}
    ignored = tuple(k for k in arrays if not (k in keras and keras[k].group(1) in used))
    notes = ("keras_one_bias",) if net.kind.keras_biases == 1 else ()
    return Detected("keras", net, ignored, notes)


# ---- compact text form, for links ---------------------------------------------

_HEAD = struct.Struct("<BBBB")  # version, cell (the kind's code), layers, bytes per number


def encode(net: Network) -> str:
    """A URL-safe text form of every weight: exact (float32 when every value
    fits it exactly, else float64), zlib-compressed, base64url. Version 2
    keeps the sizes as 16-bit numbers (version 1, still read, kept bytes)."""
    flat = np.concatenate([a.ravel() for a in net.state_dict().values()])
    as32 = flat.astype(np.float32)
    exact32 = bool(np.array_equal(as32.astype(np.float64), flat))
    body = (as32 if exact32 else flat).astype("<f4" if exact32 else "<f8").tobytes()
    sizes = np.array([net.input_size, *net.hidden_sizes], dtype="<u2").tobytes()
    head = _HEAD.pack(2, net.kind.code, net.num_layers, 4 if exact32 else 8)
    return base64.urlsafe_b64encode(zlib.compress(head + sizes + body, 9)).decode().rstrip("=")


def decode(text: str) -> Network:
    """The network ``encode`` wrote; StateDictError if the text is damaged."""
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        version, cell_code, L, width = _HEAD.unpack_from(raw)
        by_code = {k.code: k.name for k in KINDS_BY_NAME.values()}
        if version not in (1, 2) or cell_code not in by_code or width not in (4, 8) or L == 0:
            raise ValueError("header")
        size_bytes = (1 + L) * version  # version 1: one byte a size; version 2: two
        sizes = np.frombuffer(
            raw[_HEAD.size : _HEAD.size + size_bytes], dtype="u1" if version == 1 else "<u2"
        )
        if sizes.size != 1 + L:
            raise ValueError("sizes")
        sizes = [int(v) for v in sizes]
        flat = np.frombuffer(raw[_HEAD.size + size_bytes :], dtype="<f4" if width == 4 else "<f8").astype(
            np.float64
        )
    except (ValueError, zlib.error, struct.error, TypeError) as exc:
        raise StateDictError(f"The weights in this link are damaged ({exc}).", "link_damaged") from None
    cell = by_code[cell_code]
    G = CELLS[cell]
    sd, pos, d = {}, 0, sizes[0]
    for k, H in enumerate(sizes[1:]):
        for name, shape in (
            ("weight_ih", (G * H, d)),
            ("weight_hh", (G * H, H)),
            ("bias_ih", (G * H,)),
            ("bias_hh", (G * H,)),
        ):
            n = int(np.prod(shape))
            if pos + n > flat.size:
                raise StateDictError("The weights in this link are cut short.", "link_damaged")
            sd[f"{name}_l{k}"] = flat[pos : pos + n].reshape(shape)
            pos += n
        d = H
    if pos != flat.size:
        raise StateDictError("The weights in this link have extra numbers.", "link_damaged")
    return Network.from_state_dict(sd, cell)
