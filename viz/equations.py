"""The equations with this step's numbers in them, and a plain-language reading.

Everything is read from the trace (``gate_terms``, the gates, C and h): the
numbers shown are the numbers the engine computed, never recomputed here.
"""

from __future__ import annotations

from collections.abc import Callable

from lstm_core import LayerTrace

from .style import num

GATE_TEX = {
    "f": (r"f_t", r"\sigma", "if", "hf", "f"),
    "i": (r"i_t", r"\sigma", "ii", "hi", "i"),
    "g": (r"g_t", r"\tanh", "ig", "hg", "g"),
    "o": (r"o_t", r"\sigma", "io", "ho", "o"),
}


def tex_num(v: float) -> str:
    s = f"{v:.2f}"
    return "0.00" if s == "-0.00" else s


def _signed(v: float) -> str:
    """' + 0.12' or ' - 0.12' for the 2nd, 3rd … term of a sum."""
    s = tex_num(abs(v))
    return f" - {s}" if v < 0 and s != "0.00" else f" + {s}"


def _paren(v: float) -> str:
    s = tex_num(v)
    return f"({s})" if s.startswith("-") else s


def gate_equation(lt: LayerTrace, name: str, t: int, unit: int, forced_word: str = "forced") -> str:
    """e.g. f_t = σ(W_if x_t + W_hf h_{t-1} + b_f) = σ(0.41 - 0.12 + 1.00) = σ(1.29) = 0.78"""
    sym, act, wi, wh, b = GATE_TEX[name]
    terms = lt.gate_terms(name)
    ih, hh, pre = (float(terms[k][t, unit]) for k in ("ih", "hh", "pre"))
    bias = float(terms["bias"][unit])
    value = float(lt.gate(name)[t, unit])
    lhs = rf"{sym} = {act}(W_{{{wi}}}\,x_t + W_{{{wh}}}\,h_{{t-1}} + b_{{{b}}})"
    nums = rf"{act}({tex_num(ih)}{_signed(hh)}{_signed(bias)}) = {act}({tex_num(pre)})"
    if lt.forced_mask(name)[t, unit]:
        return two_lines(lhs, rf"{nums} \;\to\; {tex_num(value)}\ \text{{({forced_word})}}")
    return two_lines(lhs, rf"{nums} = {tex_num(value)}")


def two_lines(lhs: str, rhs: str) -> str:
    """Rows of an ``aligned`` block: the symbolic form, then the numbers under it."""
    name, _, form = lhs.partition(" = ")
    return rf"{name} &= {form} \\ &= {rhs}"


def block(rows: list[str]) -> str:
    """Several equations as one left-aligned LaTeX block, a little space between them."""
    return r"\small \begin{aligned} " + r" \\[8pt] ".join(rows) + r" \end{aligned}"


def memory_equation(lt: LayerTrace, t: int, unit: int) -> str:
    f, i, g = (float(lt.gate(n)[t, unit]) for n in "fig")
    c_prev, c = float(lt.c_prev[t, unit]), float(lt.c[t, unit])
    kept, written = float(lt.kept[t, unit]), float(lt.written[t, unit])
    return (
        rf"C_t &= f_t \cdot C_{{t-1}} + i_t \cdot g_t \\ "
        rf"&= {tex_num(f)} \cdot {_paren(c_prev)} + {tex_num(i)} \cdot {_paren(g)} \\ "
        rf"&= {tex_num(kept)}{_signed(written)} = {tex_num(c)}"
    )


def output_equation(lt: LayerTrace, t: int, unit: int) -> str:
    o, c = float(lt.o[t, unit]), float(lt.c[t, unit])
    tc, h = float(lt.tanh_c[t, unit]), float(lt.h[t, unit])
    return two_lines(
        r"h_t = o_t \cdot \tanh(C_t)",
        rf"{tex_num(o)} \cdot \tanh({tex_num(c)}) = {tex_num(o)} \cdot {_paren(tc)} = {tex_num(h)}",
    )


def rnn_equation(lt: LayerTrace, t: int, unit: int) -> str:
    terms = lt.gate_terms("h")
    ih, hh = float(terms["ih"][t, unit]), float(terms["hh"][t, unit])
    b, pre, h = float(terms["bias"][unit]), float(terms["pre"][t, unit]), float(lt.h[t, unit])
    return (
        r"h_t &= \tanh(W_{ih}\,x_t + W_{hh}\,h_{t-1} + b_{ih} + b_{hh}) \\ "
        rf"&= \tanh({tex_num(ih)}{_signed(hh)}{_signed(b)}) \\ &= \tanh({tex_num(pre)}) = {tex_num(h)}"
    )


def equations(lt: LayerTrace, t: int, unit: int, forced_word: str = "forced") -> list[str]:
    """All equations of one unit at step t, in the order they are computed."""
    if lt.cell == "rnn":
        return [rnn_equation(lt, t, unit)]
    eqs = [gate_equation(lt, n, t, unit, forced_word) for n in ("f", "i", "g", "o")]
    return eqs + [memory_equation(lt, t, unit), output_equation(lt, t, unit)]


def reading(lt: LayerTrace, t: int, unit: int, tx: Callable[..., str]) -> str:
    """A short plain-language account of the step, from the i18n table ``tx``."""

    def pct(v: float) -> str:
        return f"{100 * v:.0f} %"

    def tex_num(v: float) -> str:  # noqa: F811 — prose wants a real minus sign
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
    return " ".join(parts)
