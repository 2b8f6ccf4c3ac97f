"""The one owner of the view: session state and the URL.

A table of fields, in the spirit of TensorFlow Playground's ``state.ts``:
each field is declared once, with its URL name, its session/widget key, its
default and its bounds; the URL parser, the widgets' ranges and ``update``
all read the same entry. On a session's first run the URL is read into
session state: a missing value keeps its default, a bad, repeated or unknown
one leaves a notice. ``view()`` builds the whole view (model config, layer,
unit, step, problems to show) from session state alone, so a page, the
lesson or presenter mode can build it without drawing the sidebar. ``link()``
is the one function that writes the address bar and the share box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from live.store import valid_code
from lstm_core import KINDS, KINDS_BY_NAME, GateLabError, Network, layouts
from lstm_core.overrides import override_masks
from ui.shell import weights
from ui.shell.engine import MAX_D, MAX_T, SHOW_H, SHOW_LAYERS, Config, InputSpec, cached_input, decode_network
from ui.shell.errors import say

INPUT_KINDS = (*KINDS, "typed", "csv")
STEP = "step"  # session key of the current step, 0-based (not a widget: it outlives pages)
NOTICES = "_url_notices"
LAST_GOOD = "_last_good_input"
SHOWN_INPUT = "_shown_input"  # the input shown while the one asked for is rejected (None: the one asked for)
URL_BUDGET = 8 * 1024  # characters of query string; longer links fail (HTTP 400) on common servers
STREAMLIT_PARAMS = {"embed", "embed_options"}  # Streamlit's own


@dataclass(frozen=True)
class Field:
    url: str  # name in the query string
    key: str  # widget / session key
    default: Any  # as held in the session
    parse: Callable[[str], Any]  # URL text -> session value; raises ValueError when bad
    write: Callable[[Any], str] = str  # session value -> URL text
    lo: float | None = None  # bounds, for the parser and the widget alike
    hi: float | None = None

    def dump(self, v: Any) -> str:
        return self.write(v)

    def clamp(self, v: Any) -> Any:
        if self.lo is None or self.hi is None:
            return v
        return type(self.default)(min(max(v, self.lo), self.hi))


def _choice(url: str, key: str, options: tuple[str, ...]) -> Field:
    def parse(s: str) -> str:
        if s not in options:
            raise ValueError(s)
        return s

    return Field(url, key, options[0], parse)


def _int(url: str, key: str, default: int, lo: int, hi: int, offset: int = 0) -> Field:
    """An integer field; ``offset`` = URL value − session value (1 for the 1-based step)."""

    def parse(s: str) -> int:
        v = int(s)
        if not lo <= v <= hi:
            raise ValueError(s)
        return v - offset

    return Field(url, key, default, parse, lambda v: str(v + offset), lo - offset, hi - offset)


def _float(url: str, key: str, default: float, lo: float, hi: float) -> Field:
    def parse(s: str) -> float:
        v = float(s)
        if not lo <= v <= hi:  # also rejects nan
            raise ValueError(s)
        return v

    return Field(url, key, default, parse, lambda v: f"{v:g}", lo, hi)


def _flag(url: str, key: str) -> Field:
    """On or off: "1" or "0" in the link (written only when on)."""

    def parse(s: str) -> bool:
        if s not in ("0", "1"):
            raise ValueError(s)
        return s == "1"

    return Field(url, key, False, parse, lambda v: "1" if v else "0")


def _parts(url: str, key: str, options: tuple[str, ...]) -> Field:
    """A set of names from ``options``, comma-separated in the link (a list in the session)."""

    def parse(s: str) -> list[str]:
        names = [n for n in s.split(",") if n]
        if any(n not in options for n in names):
            raise ValueError(s)
        return [o for o in options if o in names]

    return Field(url, key, [], parse, ",".join)


def _code(url: str, key: str) -> Field:
    """A live class's join code: 4–8 of its capital letters and digits (typed in any case)."""

    def parse(s: str) -> str:
        code = s.strip().upper()
        if not valid_code(code):
            raise ValueError(s)
        return code

    return Field(url, key, "", parse)


def _text(url: str, key: str, default: str, max_len: int) -> Field:
    def parse(s: str) -> str:
        if len(s) > max_len:
            raise ValueError(s)
        return s

    return Field(url, key, default, parse)


MAX_LAYERS = 4  # the sidebar's random models; imported, linked or trained ones may be larger
CHAPTERS = 10  # the lesson's (ui/teach/lesson.py)
HIDEABLE = (
    "sidebar",
    "equations",
    "units",
    "code",
    "share",
)  # parts a class link may hide (ui/teach/present.py)
LESSON_APPLIED = "_lesson_applied"  # the chapter whose setup the session has (ui/teach/lesson.py)
PAGE = "_page"  # the url path of the page this run draws (app.py): the lesson's chapter is in its links only
MAX_H = 16
FIELDS: tuple[Field, ...] = (
    _choice("lang", "lang", ("en", "zh")),
    _choice("cell", "cell_kind", tuple(KINDS_BY_NAME)),
    _int("layers", "num_layers", 1, 1, MAX_LAYERS),
    _int("h1", "hidden_size", 4, 1, MAX_H),
    _int("h2", "hidden_size_l2", 4, 1, MAX_H),
    _int("h3", "hidden_size_l3", 4, 1, MAX_H),
    _int("h4", "hidden_size_l4", 4, 1, MAX_H),
    _int("seed", "seed", 0, 0, 2**31 - 1),
    _float("scale", "weight_scale", 1.0, 0.0, 10.0),
    _float("fbias", "forget_bias", 1.0, -5.0, 5.0),
    _choice("input", "input_kind", INPUT_KINDS),
    _int("T", "seq_len", 40, 1, MAX_T),
    _float("amp", "amplitude", 1.0, -100.0, 100.0),
    _float("period", "period", 20.0, 0.5, 1000.0),
    _int("onset", "onset", 5, 1, MAX_T),
    _text("data", "typed_numbers", "0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5, 0", URL_BUDGET),
    _int("layer", "view_layer", 1, 1, SHOW_LAYERS),
    _int("unit", "view_unit", 1, 1, SHOW_H),
    _int("dec", "digits", 2, 2, 6),
    _float("rho", "vg_rho", 1.0, 0.0, 5.0),
    Field("w", weights.CUSTOM, None, lambda s: layouts.encode(layouts.decode(s))),
    _text("wsrc", weights.LABEL, "", 200),
    Field(
        "ov",
        weights.OVERRIDES,
        [],
        lambda s: list(weights.overrides_from_text(s)),
        lambda v: weights.overrides_to_text(tuple(v)),
    ),
    _int("t", STEP, 0, 1, MAX_T, offset=1),
    _int("chapter", "lesson_chapter", 0, 1, CHAPTERS, offset=1),
    _flag("present", "present"),
    _parts("hide", "hide_parts", HIDEABLE),
    _code("join", "class_join"),
    _text("teach", "class_teach", "", 64),
)
BY_KEY = {f.key: f for f in FIELDS}
BY_URL = {f.url: f for f in FIELDS}
HIDDEN_KEYS = ("hidden_size", "hidden_size_l2", "hidden_size_l3", "hidden_size_l4")


# ---- session ------------------------------------------------------------------------


def init() -> None:
    """Once per session: read the URL into session state (bad values -> defaults + notice)."""
    ss = st.session_state
    if ss.get("_state_ready"):
        return
    notices: list[tuple[str, ...]] = []
    params = st.query_params
    for name in params:
        if name not in BY_URL and name not in STREAMLIT_PARAMS:
            notices.append(("unknown", name[:1000]))
        elif len(params.get_all(name)) > 1:
            notices.append(("repeated", name, str(len(params.get_all(name)))))
    for f in FIELDS:
        value = f.default
        raw = params.get(f.url)
        if raw is not None:
            try:
                value = f.parse(raw)
            except (ValueError, TypeError, GateLabError):
                notices.append(("bad", f.url, raw[:1000]))  # quoted short (and escaped) when shown
        ss[f.key] = value
    if "lang" not in params and (st.context.locale or "").lower().startswith("zh"):
        ss["lang"] = "zh"  # a browser set to Chinese opens in 中文 (a link's lang= says otherwise)
    if ss.get(weights.CUSTOM):
        net = layouts.decode(ss[weights.CUSTOM])
        problem = too_big_to_show(net)
        if problem:
            notices.append(("model", problem))
            ss[weights.CUSTOM], ss[weights.LABEL], ss[weights.OVERRIDES] = None, "", []
        else:
            forced = list(ss.get(weights.OVERRIDES) or [])
            weights.set_network(net, ss.get(weights.LABEL) or "shared")
            dropped = [ov for ov in forced if ov not in weights.overrides()]
            if dropped:  # the link's forced gates name gates, layers or units its own weights lack
                notices.append(("forced_dropped", weights.overrides_to_text(tuple(dropped)), net.cell))
    elif ss.get(weights.LABEL):
        notices.append(("wsrc",))  # made with weights too big for a link
        ss[weights.LABEL] = ""
    if "chapter" in params and ("bad", "chapter") not in [n[:2] for n in notices]:
        notices.append(("chapter_elsewhere", BY_KEY["lesson_chapter"].dump(ss["lesson_chapter"])))
    if ss.get("class_teach") and not ss.get("class_join"):
        notices.append(("teach_alone",))  # a teacher's key is nothing without its class
        ss["class_teach"] = ""
    if "chapter" in params and any(n in params for n in ("cell", "input", "t", "w")):
        # a lesson view's own link: its model as it was shared, not the chapter's setup
        ss[LESSON_APPLIED] = ss["lesson_chapter"]
    ss[NOTICES] = notices
    ss["_link_check"] = {k: ss[k] for k in ("view_layer", "view_unit", STEP) if BY_KEY[k].url in params}
    ss["_state_ready"] = True


def get(key: str) -> Any:
    """The current value of a field (its last good value, or its default, if the session lost it)."""
    f = BY_KEY[key]
    v = st.session_state.get(key)
    if v is None and f.default is not None:
        return st.session_state.get(SHADOW, {}).get(key, f.default)
    return v if key in st.session_state else f.default


def update(values: dict[str, Any]) -> None:
    """Set several fields at once (presets, 'open this model'); each kept inside its bounds."""
    for key, v in values.items():
        st.session_state[key] = BY_KEY[key].clamp(v)


SHADOW = "_kept"  # key -> last good value: the state owner's copy of every kept widget's value


def keep(*keys: str) -> None:
    """Every run, before any widget: the values of ``keys`` outlive widgets that are not drawn.

    Streamlit forgets a widget's value when a run does not draw it (a custom model hides the
    sidebar's cell kind; an interrupted run may not reach a widget at all): re-assigning keeps it
    through this run, and a value that is gone anyway (or None where the field has a default)
    comes back from the copy kept here, never from the widget's own default."""
    ss = st.session_state
    shadow = ss.setdefault(SHADOW, {})
    for k in keys:
        f = BY_KEY.get(k)
        v = ss.get(k)
        if k in ss and not (v is None and f is not None and f.default is not None):
            shadow[k] = ss[k] = v
        elif k in shadow:
            ss[k] = shadow[k]
        elif f is not None:
            ss[k] = f.default


def notices(page: str) -> list[tuple[str, ...]]:
    """Every problem the link had, once: ("bad", name, raw value), ("unknown", name), ("repeated", name,
    count), ("model", values of the 'too big' message), ("wsrc",), ("forced_dropped", ov text, cell),
    ("teach_alone",), and ("chapter_elsewhere", chapter) unless ``page`` is the lesson. (A link's layer,
    unit or step beyond the model is clamped by ``view()``, which reports it among its problems.)"""
    found = st.session_state.pop(NOTICES, [])
    return [n for n in found if not (n[0] == "chapter_elsewhere" and page == "lesson")]


# ---- the view ---------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    cfg: Config
    layer: int  # 0-based
    unit: int  # 0-based
    problems: tuple[tuple[str, str, dict], ...] = field(default=())  # (where, string key, values)


def too_big_to_show(net: Network) -> dict | None:
    """None if Gate Lab can show ``net``; else the values of the 'too big' message."""
    H = max(net.hidden_sizes)
    if net.num_layers > SHOW_LAYERS or H > SHOW_H or net.input_size > MAX_D:
        return dict(L=net.num_layers, H=H, D=net.input_size, maxL=SHOW_LAYERS, maxH=SHOW_H, maxD=MAX_D)
    return None


def input_spec() -> InputSpec:
    kind = get("input_kind")
    if kind == "typed":
        return InputSpec("typed", text=get("typed_numbers"))
    if kind == "csv":
        return InputSpec("csv", text=st.session_state.get("csv_text", ""))
    return InputSpec(kind, get("seq_len"), get("amplitude"), get("period"), get("onset"), get("seed"))


def _checked_input(spec: InputSpec, need: int | None, problems: list) -> tuple[InputSpec, int]:
    """The spec and its length if it gives a usable input, else a problem and the last good one."""
    try:
        x, _, cut = cached_input(spec)
    except GateLabError as e:
        problems.append(("input", "input_error", dict(msg=say(e))))
        return _last_good(spec, need)
    if need is not None and x.shape[1] != need:
        problems.append(("input", "input_dim_mismatch", dict(need=need, got=x.shape[1])))
        return _last_good(spec, need)
    if cut:
        problems.append(("input", "input_cut", dict(n=cut, max=MAX_T)))
    if x.shape[1] > 1:
        problems.append(("input", "input_dims", dict(d=x.shape[1])))
    st.session_state[LAST_GOOD] = spec
    return spec, len(x)


def _last_good(spec: InputSpec, need: int | None) -> tuple[InputSpec, int]:
    """The last input that worked; if none fits (a new model), a sine with as many columns as it reads."""
    last = st.session_state.get(LAST_GOOD)
    if last is not None and last != spec:
        x = cached_input(last)[0]
        if need is None or x.shape[1] == need:
            return last, len(x)
    fallback = InputSpec("sine", width=need or 1)
    return fallback, len(cached_input(fallback)[0])


def _fitting_overrides(cell: str, sizes: tuple[int, ...], T: int, problems: list) -> tuple:
    """The session's overrides, if they still fit the model and the input; else none, with a message."""
    ovs = weights.overrides()
    if not ovs:
        return ()
    try:
        override_masks(ovs, cell, sizes, T)
    except GateLabError as e:
        weights.clear_overrides()
        problems.append(("model", "overrides_dropped", dict(msg=say(e))))
        return ()
    return ovs


def view() -> View:
    """The whole view, from session state alone. Clamps layer, unit and step to the model."""
    ss = st.session_state
    problems: list[tuple[str, str, dict]] = []
    custom = weights.custom()
    if custom:
        net = decode_network(custom)
        cell, sizes, need = net.cell, net.hidden_sizes, net.input_size
    else:
        cell, need = get("cell_kind"), None
        sizes = tuple(int(get(k)) for k in HIDDEN_KEYS[: get("num_layers")])
    spec = input_spec()
    if need is not None and spec.kind in KINDS:
        spec = replace(spec, width=need)  # a generated signal feeds every input the model reads
    used, T = _checked_input(spec, need, problems)
    ss[SHOWN_INPUT] = used if used != spec else None  # a rejected input stays in its box, not in the link
    spec = used
    ovs = _fitting_overrides(cell, sizes, T, problems)
    cfg = Config(cell, sizes, get("seed"), get("weight_scale"), get("forget_bias"), spec, custom, ovs)
    ss["view_layer"] = min(max(int(get("view_layer")), 1), len(sizes))
    ss["view_unit"] = min(max(int(get("view_unit")), 1), sizes[ss["view_layer"] - 1])
    ss[STEP] = min(max(int(get(STEP)), 0), T - 1)
    for key, asked in ss.pop("_link_check", {}).items():  # the link's own values, once
        if asked != ss[key]:
            f = BY_KEY[key]
            problems.append(
                ("link", "url_clamped", dict(name=f.url, value=f.dump(asked), used=f.dump(ss[key])))
            )
    return View(cfg, ss["view_layer"] - 1, ss["view_unit"] - 1, tuple(problems))


# ---- the link -----------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    params: dict[str, str]
    left_out: tuple[str, ...]  # "w" (weights) and/or "data" (typed numbers): too long for a link

    def url(self, base: str) -> str:
        return f"{base}?{urlencode(self.params)}" if self.params else base


def _shown_input_fields() -> dict[str, Any]:
    """While a typed input (or file) is rejected, the fields of the input on screen instead (the last
    good one): the address bar and the share link name what is shown; the rejected text stays in its box."""
    shown = st.session_state.get(SHOWN_INPUT)
    if shown is None:
        return {}
    if shown.kind == "typed":
        return {"input_kind": "typed", "typed_numbers": shown.text}
    if shown.kind == "csv":
        return {"input_kind": "csv"}
    return dict(
        input_kind=shown.kind,
        seq_len=shown.length,
        amplitude=shown.amplitude,
        period=shown.period,
        onset=shown.onset,
    )


def _in_link(f: Field, kind: str) -> bool:
    if f.key in HIDDEN_KEYS and HIDDEN_KEYS.index(f.key) >= get("num_layers"):
        return False  # sizes of layers that are not there
    if f.key == "typed_numbers":
        return kind == "typed"
    if f.key in ("amplitude", "period", "onset", "seq_len"):
        return kind not in ("typed", "csv")
    if f.key in (weights.CUSTOM, weights.LABEL, weights.OVERRIDES, "present", "hide_parts", "class_join"):
        return bool(get(f.key))
    if f.key == "class_teach":
        return False  # the teacher's key never goes in the address bar (nor in a link shared from it)
    if f.key == "lesson_chapter":
        return st.session_state.get(PAGE) == "lesson"
    return True


PERSONAL = ("lang", "present", "hide_parts", "class_join", "class_teach")  # a class never sets these


def apply_params(params: dict[str, str]) -> None:
    """Take a view's fields (a live class's teacher's link, ``ui.teach.classroom``): every field it names,
    parsed as a link's; the custom weights and forced gates go when it has none. A student's own
    language, presenter mode and hidden parts stay."""
    ss = st.session_state
    for f in FIELDS:
        if f.key in PERSONAL or f.url not in params:
            continue
        try:
            value = f.parse(params[f.url])
        except (ValueError, TypeError, GateLabError):
            continue
        if f.key == weights.CUSTOM:
            weights.set_network(layouts.decode(value), params.get("wsrc") or "shared")
        elif f.key == "lesson_chapter":
            ss[f.key] = ss[LESSON_APPLIED] = value  # the chapter as the class has it, not set up afresh
        elif f.key not in (weights.LABEL,):
            ss[f.key] = value
    if "w" not in params and weights.custom():
        weights.reset_to_seed()
    if "ov" not in params:
        weights.clear_overrides()


def sidebar_shown() -> bool:
    """The sidebar is drawn unless presenter mode is on or a class link hid it."""
    return not get("present") and "sidebar" not in get("hide_parts")


def link(budget: int = URL_BUDGET) -> Link:
    """The query string of the current view (every field, so a link means the same after defaults
    change), at most ``budget`` characters: what does not fit is left out and named."""
    shown = _shown_input_fields()
    kind = shown.get("input_kind", get("input_kind"))
    params = {f.url: f.dump(shown.get(f.key, get(f.key))) for f in FIELDS if _in_link(f, kind)}
    left_out = []
    for name in sorted(("w", "data"), key=lambda n: -len(params.get(n, ""))):  # the long ones, longest first
        if len(urlencode(params)) > budget and name in params:
            del params[name]
            left_out.append(name)
    if "w" in left_out:
        params["wsrc"] = params.get("wsrc") or "custom"  # who opens it is told the weights stayed behind
    return Link(params, tuple(left_out))


KNOWN = "_stepper_known"  # the step the server last knew the browser-side stepper to show (ui/stepper/__init__.py)


def sync_url() -> None:
    """Write the current view into the address bar (only when it changed)."""
    want = link().params
    if dict(st.query_params) != want:
        st.query_params.from_dict(want)


def custom_network() -> Network | None:
    return decode_network(weights.custom()) if weights.custom() else None
