"""The article's LSTMCELL pseudocode (and the same for a GRU or a plain RNN), each line
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

from .style import vec as _vec


def _comment_block(lines: list[tuple[str, str]]) -> str:
    """Align '# value' comments one column after the longest code line."""
    width = max(len(code) for code, _ in lines) + 2
    return "\n".join(f"{code:<{width}}# {note}" if note else code for code, note in lines)


def pseudocode(lt: LayerTrace, t: int, tx: Callable[[str], str], digits: int = 2) -> str:
    """Python-like pseudocode of one step of a whole layer (every unit), ``digits`` decimals."""
    vec = partial(_vec, digits=digits)
    x, h_prev, h = lt.x[t], lt.h_prev[t], lt.h[t]
    combine = vec(h_prev)[:-1] + " | " + vec(x)[1:]
    step = f"t = {t + 1}"
    if lt.cell == "rnn":
        lines = [
            ("def RNNCELL(prev_ht, input):", ""),
            ("    combine = np.concatenate([prev_ht, input])", f"[h_(t-1) | x_t] = {combine}"),
            ("    ht = tanh(layer(combine))", f"h_t = {vec(h)}"),
            ("    return ht", ""),
            ("", ""),
            ("ht = zeros(hidden_size)", ""),
            ("for input in inputs:", ""),
            ("    ht = RNNCELL(ht, input)", f"{step}: ht = {vec(h)}"),
        ]
        return _comment_block(lines)
    if lt.cell == "gru":
        lines = [
            ("def GRUCELL(prev_ht, input):", ""),
            ("    combine = np.concatenate([prev_ht, input])", f"[h_(t-1) | x_t] = {combine}"),
            ("    rt = reset_layer(combine)", f"σ(…) = {vec(lt.r[t])}"),
            ("    zt = update_layer(combine)", f"σ(…) = {vec(lt.z[t])}"),
            (
                "    candidate = tanh(W_in @ input + b_in + rt * (W_hn @ prev_ht + b_hn))",
                f"n_t = {vec(lt.n[t])}",
            ),
            ("    ht = (1 - zt) * candidate + zt * prev_ht", f"h_t = {vec(h)}"),
            ("    return ht", ""),
            ("", ""),
            ("ht = zeros(hidden_size)", ""),
            ("for input in inputs:", ""),
            ("    ht = GRUCELL(ht, input)", f"{step}: ht = {vec(h)}"),
        ]
        return _comment_block(lines)
    lines = [
        ("def LSTMCELL(prev_ct, prev_ht, input):", ""),
        ("    combine = np.concatenate([prev_ht, input])", f"[h_(t-1) | x_t] = {combine}"),
        ("    ft = forget_layer(combine)", f"σ(…) = {vec(lt.f[t])}"),
        ("    candidate = candidate_layer(combine)", f"tanh(…) = {vec(lt.g[t])}"),
        ("    it = input_layer(combine)", f"σ(…) = {vec(lt.i[t])}"),
        ("    Ct = prev_ct * ft + candidate * it", f"C_t = {vec(lt.c[t])}"),
        ("    ot = output_layer(combine)", f"σ(…) = {vec(lt.o[t])}"),
        ("    ht = ot * tanh(Ct)", f"h_t = {vec(h)}"),
        ("    return ht, Ct", tx("code_returns")),
        ("", ""),
        ("ct = zeros(hidden_size); ht = zeros(hidden_size)", ""),
        ("for input in inputs:", ""),
        ("    ht, ct = LSTMCELL(ct, ht, input)", f"{step}: ht = {vec(h)}, ct = {vec(lt.c[t])}"),
        ("    # ct, ht = LSTMCELL(ct, ht, input)", tx("code_article_wrong")),
    ]
    return _comment_block(lines)


def stacked_pseudocode(trace: Trace, t: int, tx: Callable[[str], str], digits: int = 2) -> str:
    """The multi-layer loop the article left unwritten, for the model on screen, with step t's values:
    a cell is one layer of neurons; layer k's h_t is layer k+1's input at the same step."""
    vec = partial(_vec, digits=digits)
    lstm = trace.cell == "lstm"
    sizes = ", ".join(str(lt.hidden_size) for lt in trace.layers)
    lines = [
        (f"hidden_sizes = [{sizes}]", tx("code_stack_sizes")),
        ("hts = [zeros(H) for H in hidden_sizes]", ""),
    ]
    if lstm:
        lines.append(("cts = [zeros(H) for H in hidden_sizes]", ""))
    lines += [("for input in inputs:", ""), ("    x = input", f"t = {t + 1}: x_t = {vec(trace.x[t])}")]
    lines.append(("    for k in range(len(hidden_sizes)):", ""))
    call = (
        "hts[k], cts[k] = LSTMCELL(cts[k], hts[k], x)"
        if lstm
        else f"hts[k] = {trace.cell.upper()}CELL(hts[k], x)"
    )
    lines.append((f"        {call}", ""))
    for k, lt in enumerate(trace.layers):
        note = f"k = {k}: ht = {vec(lt.h[t])}" + (f", ct = {vec(lt.c[t])}" if lstm else "")
        lines.append(("", note))
    lines.append(("        x = hts[k]", tx("code_stack_up")))
    return _comment_block(lines)
