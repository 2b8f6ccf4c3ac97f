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
from .kinds import CELLS, KINDS_BY_NAME, Kind
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


# The arrays of one layer in each layout, their shapes for a kind with G blocks, hidden size H, D inputs
ROLES = {
    "pytorch": ("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
    "keras": ("kernel", "recurrent_kernel", "bias"),
}


def _want(layout: str, kind: Kind, H: int, D: int | None) -> dict[str, tuple]:
    GH, D = kind.G * H, "any" if D is None else D
    if layout == "pytorch":
        return {"weight_ih": (GH, D), "weight_hh": (GH, H), "bias_ih": (GH,), "bias_hh": (GH,)}
    return {
        "kernel": (D, GH),
        "recurrent_kernel": (H, GH),
        "bias": (GH,) if kind.keras_biases == 1 else (2, GH),
    }


def _fits(have: tuple, want: tuple) -> bool:
    return len(have) == len(want) and all(w == "any" or h == w for h, w in zip(have, want, strict=True))


def _readings(layout: str, layer: Mapping[str, np.ndarray]) -> list[tuple[Kind, int, list[str]]]:
    """Every (kind, hidden size) some array of the layer suggests, with the roles whose shape disagrees.
    Kinds come from the kind table; sizes from every array (rows ÷ G, W_hh's columns)."""
    shapes = {r: np.shape(a) for r, a in layer.items()}
    x = shapes.get("weight_ih" if layout == "pytorch" else "kernel", ())
    D = (x[1] if layout == "pytorch" else x[0]) if len(x) == 2 else None
    out = []
    for kind in KINDS_BY_NAME.values():
        sizes = {sh[0 if layout == "pytorch" else -1] // kind.G for sh in shapes.values() if sh}
        hh = shapes.get("weight_hh" if layout == "pytorch" else "recurrent_kernel", ())
        if len(hh) == 2:
            sizes.add(hh[1] if layout == "pytorch" else hh[0])
        for H in sorted(h for h in sizes if h > 0):
            want = _want(layout, kind, H, D)
            out.append((kind, H, [r for r in want if r in shapes and not _fits(shapes[r], want[r])]))
    return out


def _named(prefix: str) -> Kind | None:
    """The gated kind a layer's name says it is (``lstm.``, ``gru_1/``), if exactly one; a plain RNN's name
    is what every recurrent layer is called (``self.rnn = nn.LSTM(…)``), so it says nothing."""
    words = set(re.split(r"[^a-z]+", prefix.lower()))
    named = [k for k in KINDS_BY_NAME.values() if k.gates and k.name in words]
    return named[0] if len(named) == 1 else None


def _kind_of_layer(
    layout: str, prefix: str, layer: Mapping[str, np.ndarray], names: Mapping[str, str]
) -> Kind:
    """The kind of a file's first layer, read from its names and shapes together. Refuses a file whose
    shapes fit no kind (naming the array that is off), several kinds, or another kind than its name says.
    ``names``: role -> the array's name in the file."""
    cls = "torch_class" if layout == "pytorch" else "keras_class"
    readings = _readings(layout, layer)
    fits = [(k, H) for k, H, bad in readings if not bad]
    said = _named(prefix)
    if len(fits) == 1 and (said is None or said is fits[0][0]):
        return fits[0][0]
    if said is not None and said in [k for k, _ in fits]:
        return said
    if len(fits) > 1 or (fits and said is not None):
        if len(fits) == 1:  # the shapes are one kind, the name another
            k, H = fits[0]
            raise StateDictError(
                f"The file names its layer {prefix!r} ({getattr(said, cls)}), but its shapes are those of "
                f"{getattr(k, cls)} with hidden size {H}; Gate Lab does not guess which is right.",
                "names_shapes_disagree",
                prefix=prefix,
                said=getattr(said, cls),
                cell=getattr(k, cls),
                H=H,
            )
        could = " or ".join(f"{getattr(k, cls)} (H = {H})" for k, H in fits)
        raise StateDictError(
            f"The shapes of layer 1 fit several cell kinds: {could}. Name the layer after its kind "
            "(lstm., gru., …) so Gate Lab knows which.",
            "ambiguous_kind",
            could=could,
        )
    rec = "weight_hh" if layout == "pytorch" else "recurrent_kernel"
    hh = np.shape(layer.get(rec, np.zeros((0, 0))))
    H_rec = (hh[1] if layout == "pytorch" else hh[0]) if len(hh) == 2 else 0
    # one array off: the reading its name says, else the one with the recurrent matrix's hidden size
    near = [(k, H, bad) for k, H, bad in readings if len(bad) == 1]
    best = [r for r in near if r[0] is said] if said is not None else [r for r in near if r[1] == H_rec]
    if len(best) == 1 and len(layer) > 1:
        k, H, (role,) = best[0]
        want = _want(layout, k, H, None)[role]
        if layout == "keras" and role == "bias" and k.keras_biases == 2 and np.shape(layer[role]) == want[1:]:
            return k  # a GRU saved with reset_after=False: Network.from_keras says so
        raise StateDictError(
            f"{names[role]} has shape {np.shape(layer[role])}; the rest of layer 1 is {getattr(k, cls)} "
            f"with hidden size {H}, whose {names[role]} is {_shape_text(want)}.",
            "one_shape_wrong",
            member=names[role],
            shape=str(np.shape(layer[role])),
            cell=getattr(k, cls),
            H=H,
            want=_shape_text(want),
        )
    H = H_rec
    shapes = ", ".join(
        f"{getattr(k, cls)} {_shape_text(_want(layout, k, H, None)[rec])}" for k in KINDS_BY_NAME.values()
    )
    where = f"{names.get(rec, rec)} {hh}"
    raise StateDictError(
        f"{where} has the wrong shape for every cell kind: for hidden size {H}, {shapes}.",
        "wrong_shape",
        matrix=where,
        H=H,
        shapes=shapes,
    )


def _shape_text(shape: tuple) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _complete_layers(prefix: str, torch_keys: Mapping[str, re.Match]) -> int:
    """The number of layers; refuses a file with a layer or an array missing, naming what is missing."""
    have = {(m.group(2), int(m.group(3))) for m in torch_keys.values() if m.group(1) == prefix}
    n = max(k for _, k in have) + 1
    for k in range(n):
        missing = [f"{prefix}{r}_l{k}" for r in ROLES["pytorch"] if (r, k) not in have]
        if missing:
            raise StateDictError(
                f"Layer {k + 1} of {n} is incomplete; missing: {', '.join(missing)}.",
                "layer_incomplete",
                layer=k + 1,
                n=n,
                missing=", ".join(missing),
            )
    return n


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
        _complete_layers(prefix, torch_keys)
        layer0 = {r: np.asarray(sd[f"{r}_l0"]) for r in ROLES["pytorch"]}
        cell = _kind_of_layer("pytorch", prefix, layer0, {r: f"{prefix}{r}_l0" for r in layer0}).name
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
    first, g0 = layers[0]
    layer0 = {r: np.asarray(a) for r, a in g0.items()}
    cell = _kind_of_layer("keras", first, layer0, {r: f"{first}{r}" for r in layer0}).name
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
