"""The equations (symbols typeset in LaTeX) with this step's numbers beside them,
and a plain-language reading of the step.

Everything is read from the trace (``gate_terms``, the gates, C and h): the
numbers shown are the numbers the engine computed, never recomputed here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from lstm_core import LayerTrace

from .kinds import LOOKS
from .style import num as _num


def reading(lt: LayerTrace, t: int, unit: int, tx: Callable[..., str], digits: int = 2) -> str:
    """A short plain-language account of the step, from the i18n table ``tx``: values with ``digits``
    decimals, shares in % with as many significant places (0.7812 → 78.12 %)."""
    num = partial(_num, digits=digits)

    def pct(v: float) -> str:  # the template places the % sign (no space before it in Chinese)
        return f"{100 * v:.{max(digits - 2, 0)}f}"

    if not lt.kind.gates:  # a plain RNN
        h_prev, pre, h = (float(a[t, unit]) for a in (lt.h_prev, lt.pre, lt.h))
        return tx("read_rnn", h_prev=num(h_prev), pre=num(pre), h=num(h))
    v = {n: float(getattr(lt, n)[t, unit]) for n in (*lt.kind.gates, "h_prev", "h", "kept", "written")}
    if lt.cell == "gru":
        parts = [
            tx("read_z", z=pct(v["z"]), h_prev=num(v["h_prev"]), kept=num(v["kept"])),
            tx("read_r", r=pct(v["r"]), n=num(v["n"])),
            tx("read_n", omz=pct(1 - v["z"]), n=num(v["n"]), written=num(v["written"]), h=num(v["h"])),
        ]
    else:
        c, c_prev, tanh_c = (float(getattr(lt, n)[t, unit]) for n in ("c", "c_prev", "tanh_c"))
        parts = [
            tx("read_f", f=pct(v["f"]), c_prev=num(c_prev), kept=num(v["kept"])),
            tx("read_i", i=pct(v["i"]), g=num(v["g"]), written=num(v["written"])),
            tx("read_c", c=num(c), dc=_signed(c - c_prev, digits)),
            tx("read_o", o=pct(v["o"]), tanh_c=num(tanh_c), h=num(v["h"])),
        ]
    forced = [n for n in lt.kind.gates if lt.forced_mask(n)[t, unit]]
    if forced:
        parts.append(tx("read_forced", gates=", ".join(forced)))
    return " ".join(parts).replace("。 ", "。")  # a space between sentences, none after a Chinese 。


# KaTeX re-typesetting a changed block was the most expensive part of a step in the
# browser (measured: ~25 ms of ~110). The symbolic equations never change with t, so
# they are typeset once (st.latex); the step's numbers are plain text beside them.

SUB = {"f": "fₜ", "i": "iₜ", "g": "gₜ", "o": "oₜ", "c": "Cₜ", "h": "hₜ", "r": "rₜ", "z": "zₜ", "n": "nₜ"}


def symbolic(cell: str) -> str:
    """The equations in symbols (LaTeX); the same at every step."""
    return LOOKS[cell].symbolic


def _signed(v: float, digits: int = 2) -> str:
    """+0.12 / −0.12: a change, with its sign."""
    s = _num(v, digits)
    return s if s.startswith("−") or not s.strip("0.") else "+" + s


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
    if lt.cell == "gru":
        return _gru_numbers(lt, t, unit, forced_word, digits)
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
        f"  (ΔCₜ = Cₜ − Cₜ₋₁ = {_signed(c - c_prev, digits)})"
    )
    o, tc, h = float(lt.o[t, unit]), float(lt.tanh_c[t, unit]), float(lt.h[t, unit])
    lines.append(f"hₜ = {num(o)}·tanh({num(c)}) = {num(o)}·{_par(tc)} = **{num(h)}**")
    return lines


def _gru_numbers(lt: LayerTrace, t: int, unit: int, forced_word: str, digits: int) -> list[str]:
    """'rₜ = σ(…) = **0.53**', …, 'nₜ = tanh(ih + b_in + r·(hh + b_hn))', 'hₜ = (1 − z)·n + z·hₜ₋₁'."""
    num = partial(_num, digits=digits)
    _plus = partial(_plus_d, digits=digits)
    _par = partial(_par_d, digits=digits)

    def done(name: str, line: str) -> str:
        v = float(lt.gate(name)[t, unit])
        return (
            f"{line} → **{num(v)}** ({forced_word})"
            if lt.forced_mask(name)[t, unit]
            else f"{line} = **{num(v)}**"
        )

    lines = []
    for name in ("r", "z"):
        terms = lt.gate_terms(name)
        ih, hh, pre = (float(terms[k][t, unit]) for k in ("ih", "hh", "pre"))
        b = float(terms["bias"][unit])
        lines.append(done(name, f"{SUB[name]} = σ({num(ih)}{_plus(hh)}{_plus(b)}) = σ({num(pre)})"))
    terms = lt.gate_terms("n")
    ih, hh, pre = (float(terms[k][t, unit]) for k in ("ih", "hh", "pre"))
    b_in, b_hn = float(terms["b_ih"][unit]), float(terms["b_hh"][unit])
    r = float(lt.r[t, unit])
    lines.append(
        done("n", f"nₜ = tanh({num(ih)}{_plus(b_in)} + {num(r)}·({num(hh)}{_plus(b_hn)})) = tanh({num(pre)})")
    )
    z, n, h_prev = float(lt.z[t, unit]), float(lt.n[t, unit]), float(lt.h_prev[t, unit])
    kept, written, h = float(lt.kept[t, unit]), float(lt.written[t, unit]), float(lt.h[t, unit])
    lines.append(
        f"hₜ = (1 − {num(z)})·{_par(n)} + {num(z)}·{_par(h_prev)} = {num(written)}{_plus(kept)} = **{num(h)}**"
    )
    return lines
