"""Gate Lab's engine: LSTM and plain RNN stacks in NumPy that show every gate.

    import lstm_core
    net = lstm_core.Network.random(input_size=1, hidden_sizes=[4, 3], seed=0)
    tr = net.run(lstm_core.generate("sine", 50))
    tr.layers[0].f          # (T, H) forget gate of layer 0 at every step
    grads = net.backward(tr, dh_last)

NumPy only: nothing here knows it is shown in an app.
"""

from .cell import GATES, LayerParams, LSTMStep, lstm_step, rnn_step, sigmoid
from .errors import (
    GateLabError,
    NonFiniteError,
    OverrideError,
    ParseError,
    ShapeError,
    StateDictError,
)
from .network import CELLS, Gradients, Network
from .overrides import GateOverride
from .sequences import KINDS, generate, parse_csv, parse_numbers
from .trace import LayerTrace, Trace

__all__ = [
    "CELLS",
    "GATES",
    "KINDS",
    "GateLabError",
    "GateOverride",
    "Gradients",
    "LSTMStep",
    "LayerParams",
    "LayerTrace",
    "Network",
    "NonFiniteError",
    "OverrideError",
    "ParseError",
    "ShapeError",
    "StateDictError",
    "Trace",
    "generate",
    "lstm_step",
    "parse_csv",
    "parse_numbers",
    "rnn_step",
    "sigmoid",
]
