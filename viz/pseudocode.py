"""The article's LSTMCELL pseudocode (and the same for every other kind), each line
annotated with its live value.

The idea follows zuotongbin's LSTM article (cnblogs, 2019-04-12, CC BY-SA
4.0); the code is written anew in our notation. The article's driver loop
unpacks ``ct, ht = LSTMCELL(...)`` although the cell returns ``(ht, Ct)``:
memory and output swap every step. We show the corrected loop and say why.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from lstm_core import LayerTrace, Trace

from .kinds import LOOKS
from .style import vec as _vec


def _comment_block(lines: list[tuple[str, str]]) -> str:
    """Align '# value' comments one column after the longest code line."""
    width = max(len(code) for code, _ in lines) + 2
    return "\n".join(f"{code:<{width}}# {note}" if note else code for code, note in lines)


def pseudocode(lt: LayerTrace, t: int, tx: Callable[[str], str], digits: int = 2) -> str:
    """Python-like pseudocode of one step of a whole layer (every unit), ``digits`` decimals: the
    kind's ``Look.code``, each note with this step's vectors."""
    vec = partial(_vec, digits=digits)
    v = {name: vec(lt.gate(name)[t]) for name in lt.kind.series}
    v["combine"] = vec(lt.h_prev[t])[:-1] + " | " + vec(lt.x[t])[1:]
    if lt.kind.reads:
        v["read"] = vec(lt.kind.reads(lt.h_prev, lt.gate)[-1][t])  # what the candidate reads
    v |= dict(
        step=f"t = {t + 1}", code_returns=tx("code_returns"), code_article_wrong=tx("code_article_wrong")
    )
    return _comment_block([(code, note.format(**v)) for code, note in LOOKS[lt.cell].code])


def stacked_pseudocode(trace: Trace, t: int, tx: Callable[[str], str], digits: int = 2) -> str:
    """The multi-layer loop the article left unwritten, for the model on screen, with step t's values:
    a cell is one layer of neurons; layer k's h_t is layer k+1's input at the same step."""
    vec = partial(_vec, digits=digits)
    memory = trace.kind.memory
    sizes = ", ".join(str(lt.hidden_size) for lt in trace.layers)
    lines = [
        (f"hidden_sizes = [{sizes}]", tx("code_stack_sizes")),
        ("hts = [zeros(H) for H in hidden_sizes]", ""),
    ]
    if memory:
        lines.append(("cts = [zeros(H) for H in hidden_sizes]", ""))
    lines += [("for input in inputs:", ""), ("    x = input", f"t = {t + 1}: x_t = {vec(trace.x[t])}")]
    lines.append(("    for k in range(len(hidden_sizes)):", ""))
    lines.append((f"        {LOOKS[trace.cell].call}", ""))
    for k, lt in enumerate(trace.layers):
        note = f"k = {k}: ht = {vec(lt.h[t])}" + (f", ct = {vec(lt.c[t])}" if memory else "")
        lines.append(("", note))
    lines.append(("        x = hts[k]", tx("code_stack_up")))
    return _comment_block(lines)
