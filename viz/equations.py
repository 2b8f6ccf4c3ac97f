"""The equations (symbols typeset in LaTeX) with this step's numbers beside them,
and a plain-language reading of the step.

Everything is read from the trace (``gate_terms``, the gates, C and h): the
numbers shown are the numbers the engine computed, never recomputed here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from lstm_core import LayerTrace

from .style import num
from .style import num as _num


def reading(lt: LayerTrace, t: int, unit: int, tx: Callable[..., str]) -> str:
    """A short plain-language account of the step, from the i18n table ``tx``."""

    def pct(v: float) -> str:  # the template places the % sign (no space before it in Chinese)
        return f"{100 * v:.0f}"

    def tex_num(v: float) -> str:  # prose wants a real minus sign
        return num(v)

    if lt.cell == "rnn":
        return tx(
            "read_rnn",
            h_prev=tex_num(float(lt.h_prev[t, unit])),
            pre=tex_num(float(lt.pre[t, unit])),
            h=tex_num(float(lt.h[t, unit])),
        )
    v = {
        n: float(lt.gate(n)[t, unit])
        for n in ("i", "f", "g", "o", "c", "c_prev", "h", "kept", "written", "tanh_c")
    }
    parts = [
        tx("read_f", f=pct(v["f"]), c_prev=tex_num(v["c_prev"]), kept=tex_num(v["kept"])),
        tx("read_i", i=pct(v["i"]), g=tex_num(v["g"]), written=tex_num(v["written"])),
        tx("read_c", c=tex_num(v["c"])),
        tx("read_o", o=pct(v["o"]), tanh_c=tex_num(v["tanh_c"]), h=tex_num(v["h"])),
    ]
    forced = [n for n in "ifgo" if lt.forced_mask(n)[t, unit]]
    if forced:
        parts.append(tx("read_forced", gates=", ".join(forced)))
    return " ".join(parts).replace("。 ", "。")  # a space between sentences, none after a Chinese 。


# KaTeX re-typesetting a changed block was the most expensive part of a step in the
# browser (measured: ~25 ms of ~110). The symbolic equations never change with t, so
# they are typeset once (st.latex); the step's numbers are plain text beside them.

SYMBOLIC = {
    "lstm": r"""\begin{aligned}
f_t &= \sigma(W_{if}\,x_t + W_{hf}\,h_{t-1} + b_f) \\[6pt]
i_t &= \sigma(W_{ii}\,x_t + W_{hi}\,h_{t-1} + b_i) \\[6pt]
g_t &= \tanh(W_{ig}\,x_t + W_{hg}\,h_{t-1} + b_g) \\[6pt]
o_t &= \sigma(W_{io}\,x_t + W_{ho}\,h_{t-1} + b_o) \\[6pt]
C_t &= f_t \odot C_{t-1} + i_t \odot g_t \\[6pt]
h_t &= o_t \odot \tanh(C_t)
\end{aligned}""",
    "rnn": r"h_t = \tanh(W_{ih}\,x_t + b_{ih} + W_{hh}\,h_{t-1} + b_{hh})",
}
SUB = {"f": "fₜ", "i": "iₜ", "g": "gₜ", "o": "oₜ", "c": "Cₜ", "h": "hₜ"}


def symbolic(cell: str) -> str:
    """The equations in symbols (LaTeX); the same at every step."""
    return SYMBOLIC[cell]


def _plus_d(v: float, digits: int = 2) -> str:
    """' + 0.12' or ' − 0.12' for the 2nd, 3rd … term of a sum."""
    s = _num(abs(v), digits)
    return f" − {s}" if v < 0 and s != _num(0.0, digits) else f" + {s}"


def _par_d(v: float, digits: int = 2) -> str:
    s = _num(v, digits)
    return f"({s})" if s.startswith("−") else s


def numbers(lt: LayerTrace, t: int, unit: int, forced_word: str = "forced", digits: int = 2) -> list[str]:
    """This step's numbers in the equations, one markdown line per equation, e.g.
    'fₜ = σ(0.41 − 0.12 + 1.00) = σ(1.29) = **0.78**' (``digits`` decimals)."""
    num = partial(_num, digits=digits)
    _plus = partial(_plus_d, digits=digits)
    _par = partial(_par_d, digits=digits)
    if lt.cell == "rnn":
        terms = lt.gate_terms("h")
        ih, hh, pre = (float(terms[k][t, unit]) for k in ("ih", "hh", "pre"))
        b, h = float(terms["bias"][unit]), float(lt.h[t, unit])
        return [f"hₜ = tanh({num(ih)}{_plus(hh)}{_plus(b)}) = tanh({num(pre)}) = **{num(h)}**"]
    lines = []
    for name in ("f", "i", "g", "o"):
        terms = lt.gate_terms(name)
        ih, hh, pre = (float(terms[k][t, unit]) for k in ("ih", "hh", "pre"))
        b, v = float(terms["bias"][unit]), float(lt.gate(name)[t, unit])
        act = "tanh" if name == "g" else "σ"
        line = f"{SUB[name]} = {act}({num(ih)}{_plus(hh)}{_plus(b)}) = {act}({num(pre)})"
        forced = lt.forced_mask(name)[t, unit]
        lines.append(f"{line} → **{num(v)}** ({forced_word})" if forced else f"{line} = **{num(v)}**")
    f, i, g = (float(lt.gate(n)[t, unit]) for n in "fig")
    c_prev, c = float(lt.c_prev[t, unit]), float(lt.c[t, unit])
    kept, written = float(lt.kept[t, unit]), float(lt.written[t, unit])
    lines.append(
        f"Cₜ = {num(f)}·{_par(c_prev)} + {num(i)}·{_par(g)} = {num(kept)}{_plus(written)} = **{num(c)}**"
    )
    o, tc, h = float(lt.o[t, unit]), float(lt.tanh_c[t, unit]), float(lt.h[t, unit])
    lines.append(f"hₜ = {num(o)}·tanh({num(c)}) = {num(o)}·{_par(tc)} = **{num(h)}**")
    return lines
