"""How each cell kind is drawn: the diagram's wiring, the symbolic equations, the
rows of the timeline, the series of the stack chart. One ``Look`` per kind, next
to the engine's ``lstm_core.kinds.Kind`` (what it computes); the words are in the
string table (``gate_name_<g>``, ``row_<g>``, ``node_<g>``, ``gate_<g>``).

Diagram data: wires name -> (points, value key, colour kind), a None in the
points starts a new branch; nodes (x, y, symbol, text, value key, kind, size);
labels (x, y, side of the point the text sits on, template, value key);
captions (x, string key) under the gates; ``top`` the caption of the top line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Y_C, Y_BUS, Y_GATE, Y_MIX = 6.0, 1.4, 3.0, 4.6
RIGHT, XIN = 13.6, 2.2
Y_TOP = 6.75  # the labels of the top line: above its × and + (radius 0.42), under the box's edge (7.1)


@dataclass(frozen=True)
class Look:
    wires: dict
    nodes: list
    labels: list
    captions: tuple = ()
    top: str | None = None  # string key of the caption over the top line
    hover: str = "node_"  # string keys of the nodes' hover texts: hover + value key
    box_right: float = 11.8
    x1: float = 15.0  # the diagram's right edge (diagram units), room for the labels right of the box
    values: tuple[str, ...] = ()  # LayerTrace attributes the diagram reads at (t, unit), besides x, h_prev, h
    derived: dict[str, Callable[[dict], float]] = field(default_factory=dict)  # more values, from those
    symbolic: str = ""  # the equations in LaTeX, the same at every step
    rows: tuple[tuple[str, str], ...] = ()  # timeline heatmaps: (series, "gate" | "value")
    colours: dict[str, str] = field(default_factory=dict)  # the stack chart's bar colours
    # the step's numbers in the equations (viz/equations.py): the blocks in the order they are
    # written, a template for a block whose line is not the plain act(W_i·x + W_h·h + b), and the
    # lines that make the state; placeholders {v} {v_p} {v_plus} for every value v of the step
    eq_blocks: tuple[str, ...] = ()
    eq_lines: dict[str, str] = field(default_factory=dict)
    eq_state: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()  # string keys of the reading's sentences (sigmoid gates and derived in %)
    # the pseudocode (viz/pseudocode.py): (code, note) lines, notes formatted with the step's vectors
    code: tuple[tuple[str, str], ...] = ()
    call: str = ""  # the call in the stacked loop
    line: tuple[str, str] = ("#1f77b4", "solid")  # colour and dash where kinds share a chart (Why page)


# ---- LSTM: memory C along the top, the four blocks below, h out at the bottom right
# Spaced so that a label at 6 decimals (about 2.8 units) fits between the wires it sits among: f_t
# between the f wire and the written one, i_t between the i and g wires, g_t and i·g before the
# tanh(C_t) wire; the labels of the memory line sit above its nodes.
XF, XI, XG, XO, XPLUS, XT, XR = 3.2, 5.0, 8.1, 10.0, 6.25, 11.6, 15.6
LSTM = Look(
    wires={
        "c_prev": ([(0.3, Y_C), (XF, Y_C)], "c_prev", "value"),
        "kept": ([(XF, Y_C), (XPLUS, Y_C)], "kept", "value"),
        "c": ([(XPLUS, Y_C), (XR, Y_C)], "c", "value"),
        "c_down": ([(XT, Y_C), (XT, Y_MIX)], "c", "value"),
        "tanh_c": ([(XT, Y_MIX), (XT, Y_GATE)], "tanh_c", "value"),
        "h_prev": ([(0.3, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
        "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
        "bus": (
            [(XIN, Y_BUS), (XO, Y_BUS)]
            + [p for x in (XF, XI, XG, XO) for p in (None, (x, Y_BUS), (x, Y_GATE))],
            None,
            "bus",
        ),
        "f": ([(XF, Y_GATE), (XF, Y_C)], "f", "gate"),
        "i": ([(XI, Y_GATE), (XI, Y_MIX), (XPLUS, Y_MIX)], "i", "gate"),
        "g": ([(XG, Y_GATE), (XG, Y_MIX), (XPLUS, Y_MIX)], "g", "value"),
        "written": ([(XPLUS, Y_MIX), (XPLUS, Y_C)], "written", "value"),
        "o": ([(XO, Y_GATE), (XT, Y_GATE)], "o", "gate"),
        "h": ([(XT, Y_GATE), (XT, Y_BUS), (XR, Y_BUS)], "h", "value"),
    },
    nodes=[
        (XF, Y_GATE, "square", "σ", "f", "gate", 58),
        (XI, Y_GATE, "square", "σ", "i", "gate", 58),
        (XG, Y_GATE, "square", "tanh", "g", "value", 58),
        (XO, Y_GATE, "square", "σ", "o", "gate", 58),
        (XF, Y_C, "circle", "×", "kept", "value", 38),
        (XPLUS, Y_MIX, "circle", "×", "written", "value", 38),
        (XPLUS, Y_C, "circle", "+", "c", "value", 38),
        (XT, Y_MIX, "circle", "tanh", "tanh_c", "value", 50),
        (XT, Y_GATE, "circle", "×", "h", "value", 38),
    ],
    labels=[
        (0.3, Y_TOP, "right", "C<sub>t−1</sub> = {}", "c_prev"),
        ((XF + XPLUS) / 2 + 0.3, Y_TOP, "center", "f·C<sub>t−1</sub> = {}", "kept"),
        (XR, Y_TOP, "left", "C<sub>t</sub> = {}", "c"),
        (XF + 0.15, 5.3, "right", "f<sub>t</sub> = {}", "f"),  # between the × (top 5.02) and the + (5.58)
        (XI + 0.15, 3.88, "right", "i<sub>t</sub> = {}", "i"),  # between its box (top 3.64) and the × (4.18)
        (XG + 0.15, 3.88, "right", "g<sub>t</sub> = {}", "g"),
        (XPLUS + 0.15, 5.3, "right", "i·g = {}", "written"),
        (XT + 0.3, 2.2, "right", "o<sub>t</sub> = {}", "o"),  # beside the × where o acts, off its σ box
        (XT + 0.65, Y_MIX, "right", "tanh(C<sub>t</sub>) = {}", "tanh_c"),
        (0.3, 1.85, "right", "h<sub>t−1</sub> = {}", "h_prev"),
        (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
        (XR, 0.95, "left", "h<sub>t</sub> = {}", "h"),
    ],
    captions=((XF, "gate_f"), (XI, "gate_i"), (XG, "gate_g"), (XO, "gate_o")),
    top="memory_line",
    box_right=12.4,
    x1=16.8,
    values=("i", "f", "g", "o", "c", "c_prev", "kept", "written", "tanh_c"),
    derived={"dc": lambda v: v["c"] - v["c_prev"]},
    symbolic=r"""\begin{aligned}
f_t &= \sigma(W_{if}\,x_t + W_{hf}\,h_{t-1} + b_f) \\[6pt]
i_t &= \sigma(W_{ii}\,x_t + W_{hi}\,h_{t-1} + b_i) \\[6pt]
g_t &= \tanh(W_{ig}\,x_t + W_{hg}\,h_{t-1} + b_g) \\[6pt]
o_t &= \sigma(W_{io}\,x_t + W_{ho}\,h_{t-1} + b_o) \\[6pt]
C_t &= f_t \odot C_{t-1} + i_t \odot g_t \\[6pt]
h_t &= o_t \odot \tanh(C_t)
\end{aligned}""",
    rows=(("f", "gate"), ("i", "gate"), ("g", "value"), ("o", "gate"), ("c", "value"), ("h", "value")),
    colours={"i": "#6baed6", "f": "#2171b5", "g": "#fd8d3c", "o": "#74c476", "c": "#9e9ac8", "h": "#d62728"},
    eq_blocks=("f", "i", "g", "o"),
    eq_state=(
        "Cₜ = {f}·{c_prev_p} + {i}·{g_p} = {kept}{written_plus} = **{c}**  (ΔCₜ = Cₜ − Cₜ₋₁ = {dc})",
        "hₜ = {o}·tanh({c}) = {o}·{tanh_c_p} = **{h}**",
    ),
    readings=("read_f", "read_i", "read_c", "read_o"),
    code=(
        ("def LSTMCELL(prev_ct, prev_ht, input):", ""),
        ("    combine = np.concatenate([prev_ht, input])", "[h_(t-1) | x_t] = {combine}"),
        ("    ft = forget_layer(combine)", "σ(…) = {f}"),
        ("    candidate = candidate_layer(combine)", "tanh(…) = {g}"),
        ("    it = input_layer(combine)", "σ(…) = {i}"),
        ("    Ct = prev_ct * ft + candidate * it", "C_t = {c}"),
        ("    ot = output_layer(combine)", "σ(…) = {o}"),
        ("    ht = ot * tanh(Ct)", "h_t = {h}"),
        ("    return ht, Ct", "{code_returns}"),
        ("", ""),
        ("ct = zeros(hidden_size); ht = zeros(hidden_size)", ""),
        ("for input in inputs:", ""),
        ("    ht, ct = LSTMCELL(ct, ht, input)", "{step}: ht = {h}, ct = {c}"),
        ("    # ct, ht = LSTMCELL(ct, ht, input)", "{code_article_wrong}"),
    ),
    call="hts[k], cts[k] = LSTMCELL(cts[k], hts[k], x)",
    line=("#1f77b4", "solid"),
)

# ---- GRU: h itself runs along the top (the GRU's only state); z mixes old and new
XZ, XOMZ, XR, XN = 3.4, 4.55, 5.8, 8.2
GRU = Look(
    wires={
        "h_prev": ([(0.3, Y_C), (XZ, Y_C), None, (1.0, Y_C), (1.0, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
        "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
        "bus": (
            [(XIN, Y_BUS), (XN, Y_BUS)] + [p for x in (XZ, XR, XN) for p in (None, (x, Y_BUS), (x, Y_GATE))],
            None,
            "bus",
        ),
        "z": ([(XZ, Y_GATE), (XZ, Y_C)], "z", "gate"),
        "z_side": ([(XZ, Y_MIX), (XOMZ, Y_MIX)], "z", "gate"),
        "omz": ([(XOMZ, Y_MIX), (XN, Y_MIX)], "omz", "gate"),
        "r": ([(XR, Y_GATE), (XN, Y_GATE)], "r", "gate"),
        "n": ([(XN, Y_GATE), (XN, Y_MIX)], "n", "value"),
        "written": ([(XN, Y_MIX), (XN, Y_C)], "written", "value"),
        "kept": ([(XZ, Y_C), (XN, Y_C)], "kept", "value"),
        "h": ([(XN, Y_C), (RIGHT, Y_C)], "h", "value"),
    },
    nodes=[
        (XZ, Y_GATE, "square", "σ", "z", "gate", 58),
        (XR, Y_GATE, "square", "σ", "r", "gate", 58),
        (XN, Y_GATE, "square", "tanh", "n", "value", 58),
        (XOMZ, Y_MIX, "circle", "1−", "omz", "gate", 40),
        (XN, Y_MIX, "circle", "×", "written", "value", 38),
        (XZ, Y_C, "circle", "×", "kept", "value", 38),
        (XN, Y_C, "circle", "+", "h", "value", 38),
    ],
    labels=[
        (0.3, Y_TOP, "right", "h<sub>t−1</sub> = {}", "h_prev"),
        ((XZ + XN) / 2, 5.45, "center", "z·h<sub>t−1</sub> = {}", "kept"),
        (RIGHT, Y_TOP, "left", "h<sub>t</sub> = {}", "h"),
        (XZ - 0.15, 3.95, "left", "z<sub>t</sub> = {}", "z"),
        (XOMZ + 0.55, 4.05, "right", "1−z = {}", "omz"),
        (XR + 0.15, 1.95, "right", "r<sub>t</sub> = {}", "r"),  # under the boxes, off them
        (XN + 0.85, Y_GATE, "right", "n<sub>t</sub> = {}", "n"),  # right of its box, off the ×
        (XN + 0.15, 5.3, "right", "(1−z)·n = {}", "written"),
        (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
    ],
    captions=((XZ, "gate_z"), (XR, "gate_r"), (XN, "gate_n")),
    top="gru_state_line",
    hover="node_gru_",
    box_right=9.8,
    values=("r", "z", "n", "kept", "written"),
    derived={"omz": lambda v: 1.0 - v["z"]},
    symbolic=r"""\begin{aligned}
r_t &= \sigma(W_{ir}\,x_t + W_{hr}\,h_{t-1} + b_r) \\[6pt]
z_t &= \sigma(W_{iz}\,x_t + W_{hz}\,h_{t-1} + b_z) \\[6pt]
n_t &= \tanh(W_{in}\,x_t + b_{in} + r_t \odot (W_{hn}\,h_{t-1} + b_{hn})) \\[6pt]
h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}
\end{aligned}""",
    rows=(("z", "gate"), ("r", "gate"), ("n", "value"), ("h", "value")),
    colours={"r": "#6baed6", "z": "#2171b5", "n": "#fd8d3c", "h": "#d62728"},
    eq_blocks=("r", "z", "n"),
    eq_lines={"n": "nₜ = tanh({n_ih}{n_b_ih_plus} + {r}·({n_hh}{n_b_hh_plus})) = tanh({n_pre})"},
    eq_state=("hₜ = (1 − {z})·{n_p} + {z}·{h_prev_p} = {written}{kept_plus} = **{h}**",),
    readings=("read_z", "read_r", "read_n"),
    code=(
        ("def GRUCELL(prev_ht, input):", ""),
        ("    combine = np.concatenate([prev_ht, input])", "[h_(t-1) | x_t] = {combine}"),
        ("    rt = reset_layer(combine)", "σ(…) = {r}"),
        ("    zt = update_layer(combine)", "σ(…) = {z}"),
        ("    candidate = tanh(W_in @ input + b_in + rt * (W_hn @ prev_ht + b_hn))", "n_t = {n}"),
        ("    ht = (1 - zt) * candidate + zt * prev_ht", "h_t = {h}"),
        ("    return ht", ""),
        ("", ""),
        ("ht = zeros(hidden_size)", ""),
        ("for input in inputs:", ""),
        ("    ht = GRUCELL(ht, input)", "{step}: ht = {h}"),
    ),
    call="hts[k] = GRUCELL(hts[k], x)",
    line=("#9467bd", "dot"),
)

# ---- plain RNN: one tanh
RNN = Look(
    wires={
        "h_prev": ([(0.3, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
        "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
        "bus": ([(XIN, Y_BUS), (6.4, Y_BUS), (6.4, 3.4)], None, "bus"),
        "h": ([(6.4, 3.4), (6.4, Y_C), (RIGHT, Y_C)], "h", "value"),
    },
    nodes=[(6.4, 3.4, "square", "tanh", "h", "value", 72)],
    labels=[
        (0.3, 1.85, "right", "h<sub>t−1</sub> = {}", "h_prev"),  # above its wire, clear of x's
        (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
        (6.55, 2.2, "right", "a<sub>t</sub> = {}", "pre"),
        (RIGHT, Y_TOP, "left", "h<sub>t</sub> = {}", "h"),
    ],
    box_right=8.4,
    values=("pre",),
    symbolic=r"h_t = \tanh(W_{ih}\,x_t + b_{ih} + W_{hh}\,h_{t-1} + b_{hh})",
    rows=(("h", "value"),),
    colours={"h": "#d62728"},
    eq_state=("hₜ = tanh({h_ih}{h_hh_plus}{h_b_plus}) = tanh({h_pre}) = **{h}**",),
    readings=("read_rnn",),
    code=(
        ("def RNNCELL(prev_ht, input):", ""),
        ("    combine = np.concatenate([prev_ht, input])", "[h_(t-1) | x_t] = {combine}"),
        ("    ht = tanh(layer(combine))", "h_t = {h}"),
        ("    return ht", ""),
        ("", ""),
        ("ht = zeros(hidden_size)", ""),
        ("for input in inputs:", ""),
        ("    ht = RNNCELL(ht, input)", "{step}: ht = {h}"),
    ),
    call="hts[k] = RNNCELL(hts[k], x)",
    line=("#d62728", "dash"),
)

# ---- MGU: like the GRU, h runs along the top; its one gate f keeps (1 − f) of h_{t−1}, writes f of n
# and chooses what the candidate reads (f ⊙ h_{t−1})
XMF, XMN, XMR = 3.8, 8.0, 5.9  # the gate, the candidate, the × that gives n its f ⊙ h_{t−1}
MGU = Look(
    wires={
        "h_prev": ([(0.3, Y_C), (XMF, Y_C), None, (1.0, Y_C), (1.0, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
        "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
        "bus": ([(XIN, Y_BUS), (XMN, Y_BUS), None, (XMF, Y_BUS), (XMF, Y_GATE)], None, "bus"),
        "read": ([(XMR, Y_BUS), (XMR, 2.2), (XMN, 2.2), (XMN, Y_GATE)], "read", "value"),
        "f": (
            [(XMF, Y_GATE), (XMF, Y_MIX), (XMN, Y_MIX), None, (XMF + 0.9, Y_GATE), (XMR, Y_GATE), (XMR, 2.2)],
            "f",
            "gate",
        ),
        "omf": ([(XMF, Y_MIX), (XMF, Y_C)], "omf", "gate"),
        "n": ([(XMN, Y_GATE), (XMN, Y_MIX)], "n", "value"),
        "written": ([(XMN, Y_MIX), (XMN, Y_C)], "written", "value"),
        "kept": ([(XMF, Y_C), (XMN, Y_C)], "kept", "value"),
        "h": ([(XMN, Y_C), (RIGHT, Y_C)], "h", "value"),
    },
    nodes=[
        (XMF, Y_GATE, "square", "σ", "f", "gate", 58),
        (XMN, Y_GATE, "square", "tanh", "n", "value", 58),
        (XMR, 2.2, "circle", "×", "read", "value", 34),
        (XMF, 5.3, "circle", "1−", "omf", "gate", 36),
        (XMN, Y_MIX, "circle", "×", "written", "value", 38),
        (XMF, Y_C, "circle", "×", "kept", "value", 38),
        (XMN, Y_C, "circle", "+", "h", "value", 38),
    ],
    labels=[
        (0.3, Y_TOP, "right", "h<sub>t−1</sub> = {}", "h_prev"),
        ((XMF + XMN) / 2, Y_TOP, "center", "(1−f)·h<sub>t−1</sub> = {}", "kept"),
        (RIGHT, Y_TOP, "left", "h<sub>t</sub> = {}", "h"),
        (XMF + 0.15, 3.95, "right", "f<sub>t</sub> = {}", "f"),
        (XMF + 0.55, 5.3, "right", "1−f = {}", "omf"),
        (XMN + 0.85, Y_GATE, "right", "n<sub>t</sub> = {}", "n"),
        (XMN + 0.15, 5.3, "right", "f·n = {}", "written"),
        (XMN + 0.15, 2.0, "right", "f·h<sub>t−1</sub> = {}", "read"),
        (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
    ],
    captions=((XMF, "gate_f_mgu"), (XMN, "gate_n")),
    top="mgu_state_line",
    hover="node_mgu_",
    box_right=9.4,
    values=("f", "n", "kept", "written"),
    derived={"omf": lambda v: 1.0 - v["f"], "read": lambda v: v["f"] * v["h_prev"]},
    symbolic=r"""\begin{aligned}
f_t &= \sigma(W_{if}\,x_t + W_{hf}\,h_{t-1} + b_f) \\[6pt]
n_t &= \tanh(W_{in}\,x_t + W_{hn}\,(f_t \odot h_{t-1}) + b_n) \\[6pt]
h_t &= (1 - f_t) \odot h_{t-1} + f_t \odot n_t
\end{aligned}""",
    rows=(("f", "gate"), ("n", "value"), ("h", "value")),
    colours={"f": "#2171b5", "n": "#fd8d3c", "h": "#d62728"},
    eq_blocks=("f", "n"),
    eq_state=("hₜ = (1 − {f})·{h_prev_p} + {f}·{n_p} = {kept}{written_plus} = **{h}**",),
    readings=("read_mgu_f", "read_mgu_n"),
    code=(
        ("def MGUCELL(prev_ht, input):", ""),
        ("    ft = forget_layer(np.concatenate([prev_ht, input]))", "σ(…) = {f}"),
        ("    read = ft * prev_ht", "f_t·h_(t-1) = {read}"),
        ("    candidate = tanh(candidate_layer(np.concatenate([read, input])))", "n_t = {n}"),
        ("    ht = (1 - ft) * prev_ht + ft * candidate", "h_t = {h}"),
        ("    return ht", ""),
        ("", ""),
        ("ht = zeros(hidden_size)", ""),
        ("for input in inputs:", ""),
        ("    ht = MGUCELL(ht, input)", "{step}: ht = {h}"),
    ),
    call="hts[k] = MGUCELL(hts[k], x)",
    line=("#8c564b", "dashdot"),
)

LOOKS = {"lstm": LSTM, "gru": GRU, "rnn": RNN, "mgu": MGU}


def step_values(lt, t: int, unit: int) -> dict[str, float]:
    """The scalars of one unit at step t (0-based) that the diagram, the reading and the equations
    quote: x (a scalar input), h_{t−1}, h_t, the kind's ``values`` and ``derived``."""
    x = lt.x[t]
    vals = {
        "x": float(x[0]) if x.size == 1 else float("nan"),
        "h_prev": float(lt.h_prev[t, unit]),
        "h": float(lt.h[t, unit]),
    }
    look = LOOKS[lt.cell]
    for name in look.values:
        vals[name] = float(getattr(lt, name)[t, unit])
    for name, fn in look.derived.items():
        vals[name] = float(fn(vals))
    return vals


def gate_like(lt) -> set[str]:
    """The names read as a share (0…1, said in %): the σ gates and what the diagram draws as a gate."""
    return set(lt.kind.sigmoids) | {n[4] for n in LOOKS[lt.cell].nodes if n[5] == "gate"}
