"""The equations (symbols typeset in LaTeX) with this step's numbers beside them,
and a plain-language reading of the step.

Everything is read from the trace (``gate_terms``, the gates, C and h): the
numbers shown are the numbers the engine computed, never recomputed here.
"""

from __future__ import annotations

from collections.abc import Callable

from lstm_core import LayerTrace

from .kinds import LOOKS, gate_like, step_values
from .style import num as _num


def reading(lt: LayerTrace, t: int, unit: int, tx: Callable[..., str], digits: int = 2) -> str:
    """A short plain-language account of the step, from the i18n table ``tx``: the kind's
    sentences (its ``Look.readings``), values with ``digits`` decimals, shares in % with as many
    significant places (0.7812 → 78.12 %), a change (ΔC) with its sign."""
    shares = gate_like(lt)
    v = {}
    for k, x in step_values(lt, t, unit).items():
        if k in shares:  # the template places the % sign (no space before it in Chinese)
            v[k] = f"{100 * x:.{max(digits - 2, 0)}f}"
        else:
            v[k] = _signed(x, digits) if k in SIGNED else _num(x, digits)
    parts = [tx(key, **v) for key in LOOKS[lt.cell].readings]
    forced = [n for n in lt.kind.gates if lt.forced_mask(n)[t, unit]]
    if forced:
        parts.append(tx("read_forced", gates=", ".join(forced)))
    return " ".join(parts).replace("。 ", "。")  # a space between sentences, none after a Chinese 。


# KaTeX re-typesetting a changed block was the most expensive part of a step in the
# browser (measured: ~25 ms of ~110). The symbolic equations never change with t, so
# they are typeset once (st.latex); the step's numbers are plain text beside them.

SIGNED = {"dc"}  # changes, said with their sign: ΔC = +0.12
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
    'fₜ = σ(0.41 − 0.12 + 1.00) = σ(1.29) = **0.78**' (``digits`` decimals): a line per block in
    the kind's ``Look.eq_blocks`` order, then the lines that make the state (``Look.eq_state``)."""
    look = LOOKS[lt.cell]
    values = step_values(lt, t, unit)
    for name in lt.kind.blocks:
        terms = lt.gate_terms(name)
        values |= {f"{name}_{k}": float(terms[k][t, unit]) for k in ("ih", "hh", "pre")}
        values |= {f"{name}_{k}": float(terms[k][unit]) for k in ("b_ih", "b_hh")}
        values[f"{name}_b"] = float(terms["bias"][unit])
    v = {}
    for k, x in values.items():
        v[k], v[f"{k}_p"], v[f"{k}_plus"] = _num(x, digits), _par_d(x, digits), _plus_d(x, digits)
        if k in SIGNED:
            v[k] = _signed(x, digits)
    lines = []
    for name in look.eq_blocks:
        act = "σ" if name in lt.kind.sigmoids else "tanh"
        plain = (
            f"{SUB[name]} = {act}({{{name}_ih}}{{{name}_hh_plus}}{{{name}_b_plus}}) = {act}({{{name}_pre}})"
        )
        line = look.eq_lines.get(name, plain).format(**v)
        forced = lt.forced_mask(name)[t, unit]
        lines.append(f"{line} → **{v[name]}** ({forced_word})" if forced else f"{line} = **{v[name]}**")
    return lines + [template.format(**v) for template in look.eq_state]
