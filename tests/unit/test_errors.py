"""Bad input raises a ValueError subclass whose message a student can act on."""

from __future__ import annotations

import numpy as np
import pytest

import lstm_core
from lstm_core import GateOverride, Network


@pytest.fixture
def sd():
    return Network.random(2, [3, 2], seed=0).state_dict()


def raises(exc, *words):
    """pytest.raises that also checks the message names the problem."""

    class Ctx:
        def __enter__(self):
            self.cm = pytest.raises(exc)
            self.info = self.cm.__enter__()
            return self.info

        def __exit__(self, *a):
            out = self.cm.__exit__(*a)
            msg = str(self.info.value)
            for w in words:
                assert w in msg, f"{w!r} not in message: {msg}"
            assert isinstance(self.info.value, ValueError)
            return out

    return Ctx()


def test_wrong_input_shape(sd):
    net = Network.from_state_dict(sd)
    with raises(lstm_core.ShapeError, "input x", "(5, 3)", "(any, 2)"):
        net.run(np.zeros((5, 3)))


def test_nan_and_inf_in_input_and_weights(sd):
    net = Network.from_state_dict(sd)
    x = np.zeros((4, 2))
    x[2, 1] = np.nan
    with raises(lstm_core.NonFiniteError, "input x", "nan", "(2, 1)"):
        net.run(x)
    sd["weight_hh_l1"][0, 0] = np.inf
    with raises(lstm_core.NonFiniteError, "weight_hh_l1", "inf"):
        Network.from_state_dict(sd)


def test_empty_sequence(sd):
    with raises(lstm_core.ShapeError, "empty"):
        Network.from_state_dict(sd).run(np.zeros((0, 2)))


def test_unknown_cell_kind(sd):
    with raises(lstm_core.GateLabError, "'lstmx'", "'lstm', 'gru', 'rnn'"):
        Network.from_state_dict(sd, cell="lstmx")
    with raises(lstm_core.ShapeError, "(16, 4)", "3·H", "(12, 4)"):
        Network.from_state_dict(Network.random(2, [4]).state_dict(), cell="gru")


def test_missing_and_extra_keys(sd):
    del sd["bias_hh_l1"]
    sd["weight_hr_l0"] = np.zeros((1, 1))
    with raises(lstm_core.StateDictError, "missing ['bias_hh_l1']", "unexpected ['weight_hr_l0']"):
        Network.from_state_dict(sd)
    with raises(lstm_core.StateDictError, "weight_ih_l0"):
        Network.from_state_dict({"kernel": np.zeros((1, 4))})


def test_layer_sizes_that_do_not_chain(sd):
    sd["weight_ih_l1"] = np.zeros((8, 5))
    with raises(lstm_core.ShapeError, "weight_ih_l1", "(8, 5)", "(8, 3)", "hidden size"):
        Network.from_state_dict(sd)


def test_rnn_shaped_weights_given_as_lstm():
    sd = Network.random(2, [3], cell="rnn", seed=0).state_dict()
    with raises(lstm_core.ShapeError, "weight_hh_l0", "(3, 3)", "4·H"):
        Network.from_state_dict(sd, cell="lstm")


def test_bad_initial_state(sd):
    net = Network.from_state_dict(sd)
    with raises(lstm_core.ShapeError, "h0", "one per layer"):
        net.run(np.zeros((3, 2)), h0=[np.zeros(3)])
    with raises(lstm_core.ShapeError, "c0[1]", "(2,)"):
        net.run(np.zeros((3, 2)), c0=[np.zeros(3), np.zeros(5)])


def test_bad_dh_last(sd):
    net = Network.from_state_dict(sd)
    tr = net.run(np.zeros((3, 2)))
    with raises(lstm_core.ShapeError, "dh_last", "(3,)", "(2,)"):
        net.backward(tr, np.zeros(3))


@pytest.mark.parametrize(
    "ov, words",
    [
        (GateOverride("z", 0, 1.0), ["'z'", "i, f, g, o"]),
        (GateOverride("f", 2, 1.0), ["layer is 2", "0 to 1"]),
        (GateOverride("f", 0, 1.5), ["1.5", "between 0 and 1"]),
        (GateOverride("g", 0, -2.0), ["between -1 and 1"]),
        (GateOverride("f", 0, 1.0, start=3, stop=20), ["do not fit", "10 steps"]),
        (GateOverride("f", 1, 1.0, units=(5,)), ["[5]", "units 0 to 1"]),
    ],
)
def test_bad_overrides(sd, ov, words):
    with raises(lstm_core.OverrideError, *words):
        Network.from_state_dict(sd).run(np.zeros((10, 2)), overrides=[ov])


def test_override_on_rnn():
    net = Network.random(1, [2], cell="rnn")
    with raises(lstm_core.OverrideError, "plain RNN has no gates"):
        net.run(np.zeros((3, 1)), overrides=[GateOverride("f", 0, 1.0)])


def test_bad_random_sizes():
    with raises(lstm_core.ShapeError, "at least 1", "[0]"):
        Network.random(1, [0])
    with raises(lstm_core.GateLabError, "scale"):
        Network.random(1, [2], scale=float("nan"))


def test_keras_gru_saved_with_reset_before_is_refused_by_name():
    k = {"kernel": np.zeros((1, 6)), "recurrent_kernel": np.zeros((2, 6)), "bias": np.zeros(6)}
    with raises(lstm_core.StateDictError, "reset_after=False", "reset_after=True"):
        Network.from_keras([k], cell="gru")


def test_keras_bad_layouts():
    with raises(lstm_core.StateDictError, "recurrent_kernel"):
        Network.from_keras([{"kernel": np.zeros((1, 8))}])
    with raises(lstm_core.ShapeError, "recurrent_kernel", "(2, 6)"):
        Network.from_keras([{"kernel": np.zeros((1, 8)), "recurrent_kernel": np.zeros((2, 6))}])
