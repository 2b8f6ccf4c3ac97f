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


@dataclass(frozen=True)
class Look:
    wires: dict
    nodes: list
    labels: list
    captions: tuple = ()
    top: str | None = None  # string key of the caption over the top line
    hover: str = "node_"  # string keys of the nodes' hover texts: hover + value key
    box_right: float = 11.8
    values: tuple[str, ...] = ()  # LayerTrace attributes the diagram reads at (t, unit), besides x, h_prev, h
    derived: dict[str, Callable[[dict], float]] = field(default_factory=dict)  # more values, from those
    symbolic: str = ""  # the equations in LaTeX, the same at every step
    rows: tuple[tuple[str, str], ...] = ()  # timeline heatmaps: (series, "gate" | "value")
    colours: dict[str, str] = field(default_factory=dict)  # the stack chart's bar colours


# ---- LSTM: memory C along the top, the four blocks below, h out at the bottom right
XF, XI, XG, XO, XPLUS, XT = 3.4, 5.4, 7.4, 9.4, 6.4, 10.8
LSTM = Look(
    wires={
        "c_prev": ([(0.3, Y_C), (XF, Y_C)], "c_prev", "value"),
        "kept": ([(XF, Y_C), (XPLUS, Y_C)], "kept", "value"),
        "c": ([(XPLUS, Y_C), (RIGHT, Y_C)], "c", "value"),
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
        "h": ([(XT, Y_GATE), (XT, Y_BUS), (RIGHT, Y_BUS), None, (13.0, Y_BUS), (13.0, 7.3)], "h", "value"),
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
        (0.3, 6.5, "right", "C<sub>t−1</sub> = {}", "c_prev"),
        (4.9, 6.5, "center", "f·C<sub>t−1</sub> = {}", "kept"),
        (RIGHT, 6.5, "left", "C<sub>t</sub> = {}", "c"),
        (XF + 0.15, 5.1, "right", "f<sub>t</sub> = {}", "f"),
        (XI - 0.15, 3.95, "left", "i<sub>t</sub> = {}", "i"),
        (XG + 0.15, 3.95, "right", "g<sub>t</sub> = {}", "g"),
        (XPLUS + 0.15, 5.3, "right", "i·g = {}", "written"),
        ((XO + XT) / 2, 2.4, "center", "o<sub>t</sub> = {}", "o"),
        (XT + 0.65, Y_MIX, "right", "tanh(C<sub>t</sub>) = {}", "tanh_c"),
        (0.3, 1.85, "right", "h<sub>t−1</sub> = {}", "h_prev"),
        (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
        (RIGHT, 0.95, "left", "h<sub>t</sub> = {}", "h"),
    ],
    captions=((XF, "gate_f"), (XI, "gate_i"), (XG, "gate_g"), (XO, "gate_o")),
    top="memory_line",
    box_right=11.8,
    values=("i", "f", "g", "o", "c", "c_prev", "kept", "written", "tanh_c"),
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
        "h": ([(XN, Y_C), (RIGHT, Y_C), None, (12.4, Y_C), (12.4, 7.3)], "h", "value"),
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
        (0.3, 6.5, "right", "h<sub>t−1</sub> = {}", "h_prev"),
        ((XZ + XN) / 2, 5.45, "center", "z·h<sub>t−1</sub> = {}", "kept"),
        (RIGHT, 6.5, "left", "h<sub>t</sub> = {}", "h"),
        (XZ - 0.15, 3.95, "left", "z<sub>t</sub> = {}", "z"),
        (XOMZ + 0.35, 4.05, "right", "1−z = {}", "omz"),
        ((XR + XN) / 2, 2.3, "center", "r<sub>t</sub> = {}", "r"),
        (XN + 0.15, 3.95, "right", "n<sub>t</sub> = {}", "n"),
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
)

# ---- plain RNN: one tanh
RNN = Look(
    wires={
        "h_prev": ([(0.3, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
        "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
        "bus": ([(XIN, Y_BUS), (6.4, Y_BUS), (6.4, 3.4)], None, "bus"),
        "h": ([(6.4, 3.4), (6.4, Y_C), (RIGHT, Y_C), None, (11.0, Y_C), (11.0, 7.3)], "h", "value"),
    },
    nodes=[(6.4, 3.4, "square", "tanh", "h", "value", 72)],
    labels=[
        (0.3, 0.95, "right", "h<sub>t−1</sub> = {}", "h_prev"),
        (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
        (6.55, 2.2, "right", "a<sub>t</sub> = {}", "pre"),
        (RIGHT, 6.5, "left", "h<sub>t</sub> = {}", "h"),
    ],
    box_right=8.4,
    values=("pre",),
    symbolic=r"h_t = \tanh(W_{ih}\,x_t + b_{ih} + W_{hh}\,h_{t-1} + b_{hh})",
    rows=(("h", "value"),),
    colours={"h": "#d62728"},
)

LOOKS = {"lstm": LSTM, "gru": GRU, "rnn": RNN}
