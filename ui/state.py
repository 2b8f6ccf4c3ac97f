"""The one owner of session state and the URL.

A table of fields (URL name, widget key, type, default, allowed values). On a
session's first run the URL is read into session state; a value that is
missing keeps its default, one that is bad falls back to its default and
leaves a notice. After every run ``sync_url`` writes the state back, so the
address bar always holds a link that opens exactly this view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from lstm_core import KINDS, GateLabError, layouts

from . import weights
from .engine import decode_network

INPUT_KINDS = (*KINDS, "typed", "csv")
MAX_T = 500
MAX_LAYERS = 4
MAX_H = 16
STEP = "step"  # session key of the current step, 0-based (not a widget: it outlives pages)


@dataclass(frozen=True)
class Field:
    url: str  # name in the query string
    key: str  # widget / session key
    default: Any
    parse: Callable[[str], Any]  # str -> value; raises ValueError when bad
    write: Callable[[Any], str] | None = None  # value -> str, when str() is not it

    def dump(self, v: Any) -> str:
        if self.write is not None:
            return self.write(v)
        if isinstance(v, bool):
            return "1" if v else "0"
        if isinstance(v, float):
            return f"{v:g}"
        return str(v)


def _choice(*options: str) -> Callable[[str], str]:
    def parse(s: str) -> str:
        if s not in options:
            raise ValueError(s)
        return s

    return parse


def _int(lo: int, hi: int) -> Callable[[str], int]:
    def parse(s: str) -> int:
        v = int(s)
        if not lo <= v <= hi:
            raise ValueError(s)
        return v

    return parse


def _float(lo: float, hi: float) -> Callable[[str], float]:
    def parse(s: str) -> float:
        v = float(s)
        if not lo <= v <= hi:  # also rejects nan
            raise ValueError(s)
        return v

    return parse


def _text(max_len: int) -> Callable[[str], str]:
    def parse(s: str) -> str:
        if len(s) > max_len:
            raise ValueError(s)
        return s

    return parse


FIELDS: tuple[Field, ...] = (
    Field("lang", "lang", "en", _choice("en", "zh")),
    Field("cell", "cell_kind", "lstm", _choice("lstm", "rnn")),
    Field("layers", "num_layers", 1, _int(1, MAX_LAYERS)),
    Field("h1", "hidden_size", 4, _int(1, MAX_H)),
    Field("h2", "hidden_size_l2", 4, _int(1, MAX_H)),
    Field("h3", "hidden_size_l3", 4, _int(1, MAX_H)),
    Field("h4", "hidden_size_l4", 4, _int(1, MAX_H)),
    Field("seed", "seed", 0, _int(0, 2**31 - 1)),
    Field("scale", "weight_scale", 1.0, _float(0.0, 10.0)),
    Field("fbias", "forget_bias", 1.0, _float(-5.0, 5.0)),
    Field("input", "input_kind", "sine", _choice(*INPUT_KINDS)),
    Field("T", "seq_len", 40, _int(1, MAX_T)),
    Field("amp", "amplitude", 1.0, _float(-100.0, 100.0)),
    Field("period", "period", 20.0, _float(0.5, 1000.0)),
    Field("onset", "onset", 5, _int(1, MAX_T)),
    Field("data", "typed_numbers", "0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5, 0", _text(4000)),
    Field("layer", "view_layer", 1, _int(1, MAX_LAYERS)),
    Field("unit", "view_unit", 1, _int(1, MAX_H)),
    Field("rho", "vg_rho", 1.0, _float(0.0, 5.0)),
    Field("w", weights.CUSTOM, None, lambda s: layouts.encode(layouts.decode(s))),
    Field("wsrc", weights.LABEL, "", _text(200)),
    Field(
        "ov",
        weights.OVERRIDES,
        [],
        lambda s: list(weights.overrides_from_text(s)),
        lambda v: weights.overrides_to_text(tuple(v)),
    ),
    Field("t", STEP, 1, _int(1, MAX_T)),  # 1-based in the URL, 0-based in the session
)
BY_KEY = {f.key: f for f in FIELDS}
NOTICES = "_url_notices"


def init() -> None:
    """Once per session: read the URL into session state (bad values -> defaults + notice)."""
    ss = st.session_state
    if ss.get("_state_ready"):
        return
    notices = []
    params = st.query_params
    for f in FIELDS:
        value = f.default
        raw = params.get(f.url)
        if raw is not None:
            try:
                value = f.parse(raw)
            except (ValueError, TypeError, GateLabError):
                notices.append((f.url, raw[:40], f.dump(f.default) if f.default is not None else "—"))
        ss[f.key] = value - 1 if f.key == STEP else value
    if ss.get(weights.CUSTOM):
        weights.set_network(layouts.decode(ss[weights.CUSTOM]), ss.get(weights.LABEL) or "shared")
    elif ss.get(weights.LABEL):
        notices.append(("wsrc", ss[weights.LABEL], "—"))  # made with weights too big for a link
        ss[weights.LABEL] = ""
    ss[NOTICES] = notices
    ss["_state_ready"] = True


def get(key: str) -> Any:
    """The current value of a field (its default if the session lost it)."""
    f = BY_KEY[key]
    return st.session_state.get(key, f.default - 1 if key == STEP else f.default)


def keep(*keys: str) -> None:
    """Re-assign widget values so Streamlit keeps them when their widget is not drawn."""
    for k in keys:
        if k in st.session_state:
            st.session_state[k] = st.session_state[k]


def notices() -> list[tuple[str, str, str]]:
    """(URL name, bad value, default used) for every bad URL value, once."""
    return st.session_state.pop(NOTICES, [])


def url_params() -> dict[str, str]:
    """The query string for the current view."""
    out = {}
    layers = get("num_layers")
    for f in FIELDS:
        v = get(f.key)
        if f.key == STEP:
            v = v + 1
        if f.key.startswith("hidden_size_l") and int(f.key[-1]) > layers:
            continue  # sizes of layers that are not there
        if f.key == "typed_numbers" and get("input_kind") != "typed":
            continue
        if f.key in ("amplitude", "period", "onset") and get("input_kind") in ("typed", "csv"):
            continue
        if f.key == weights.CUSTOM:
            if not v:
                continue
            if not weights.small_enough_to_share(decode_network(v)):
                continue  # too big for a link: wsrc still says it was custom
        if f.key in (weights.LABEL, weights.OVERRIDES) and not v:
            continue
        out[f.url] = f.dump(v)  # every field, so a link means the same after defaults change
    return out


def sync_url() -> None:
    """Write the current view into the address bar (only when it changed)."""
    want = url_params()
    if dict(st.query_params) != want:
        st.query_params.from_dict(want)
