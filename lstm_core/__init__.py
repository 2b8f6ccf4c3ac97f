"""Gate Lab's engine: LSTM, GRU, MGU and plain RNN stacks in NumPy that show every gate.

    import lstm_core
    net = lstm_core.Network.random(input_size=1, hidden_sizes=[4, 3], seed=0)
    tr = net.run(lstm_core.generate("sine", 50))
    tr.layers[0].f          # (T, H) forget gate of layer 0 at every step
    grads = net.backward(tr, dh_last)

NumPy only: nothing here knows it is shown in an app.
"""

from .cell import (
    GATES,
    GRUStep,
    LayerParams,
    LSTMStep,
    MGUStep,
    gru_step,
    lstm_step,
    mgu_step,
    rnn_step,
    sigmoid,
)
from .errors import (
    GateLabError,
    NonFiniteError,
    OverrideError,
    ParseError,
    ShapeError,
    StateDictError,
)
from .kinds import ALL_BLOCKS, KINDS_BY_NAME, Kind, kind_of
from .network import CELLS, Gradients, Network
from .overrides import GateOverride
from .sequences import KINDS, generate, parse_csv, parse_numbers
from .trace import LayerTrace, Trace

__all__ = [
    "ALL_BLOCKS",
    "CELLS",
    "GATES",
    "KINDS",
    "KINDS_BY_NAME",
    "Kind",
    "GateLabError",
    "GRUStep",
    "GateOverride",
    "Gradients",
    "LSTMStep",
    "LayerParams",
    "LayerTrace",
    "MGUStep",
    "Network",
    "NonFiniteError",
    "OverrideError",
    "ParseError",
    "ShapeError",
    "StateDictError",
    "Trace",
    "generate",
    "gru_step",
    "kind_of",
    "mgu_step",
    "lstm_step",
    "parse_csv",
    "parse_numbers",
    "rnn_step",
    "sigmoid",
]
