"""Weights files: PyTorch and Keras layouts, .npz / .safetensors, refusals, links."""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from safetensors.numpy import save as save_safetensors

from lstm_core import GateLabError, LayerParams, Network, StateDictError, layouts
from tests.unit.torch_ref import state_dict_of, torch_stack
from ui.shell.files import WeightsFileError, read_weights, to_npz
from ui.shell.weights import edit_cells, overrides_from_text, overrides_to_text


def npz_bytes(**arrays) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def torch_model():
    torch.manual_seed(0)
    model = torch.nn.Sequential()
    model.add_module("lstm", torch.nn.LSTM(3, 4, num_layers=2, dtype=torch.float64))
    model.add_module("fc", torch.nn.Linear(4, 2, dtype=torch.float64))
    return model


def test_pytorch_model_file_reproduces_torch_per_step_values():
    model = torch_model()
    arrays = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    found = layouts.detect(read_weights("m.npz", npz_bytes(**arrays)))
    assert found.layout == "pytorch" and found.cell == "lstm"
    assert found.network.hidden_sizes == (4, 4) and found.network.input_size == 3
    assert set(found.ignored) == {"fc.weight", "fc.bias"}
    x = np.random.default_rng(0).standard_normal((12, 3))
    out, _ = model.lstm(torch.tensor(x))
    np.testing.assert_allclose(found.network.run(x).output, out.detach().numpy(), atol=1e-12)


def test_keras_layout_file_reproduces_the_same_model_run_in_pytorch():
    mods = torch_stack("lstm", 2, [3, 5], seed=4)
    net = Network.from_state_dict(state_dict_of(mods))
    arrays = {}
    for k, p in enumerate(net.layers):
        prefix = "sequential/lstm" + ("" if k == 0 else f"_{k}") + "/lstm_cell/"
        arrays[prefix + "kernel"] = np.ascontiguousarray(p.W_ih.T)  # safetensors stores memory as laid out
        arrays[prefix + "recurrent_kernel"] = np.ascontiguousarray(p.W_hh.T)
        arrays[prefix + "bias"] = p.b_ih + p.b_hh
    arrays["sequential/dense/kernel"] = np.ones((5, 1))
    arrays["sequential/dense/bias"] = np.zeros(1)
    found = layouts.detect(read_weights("k.safetensors", save_safetensors(arrays)))
    assert found.layout == "keras" and found.network.hidden_sizes == (3, 5)
    assert set(found.ignored) == {"sequential/dense/kernel", "sequential/dense/bias"}
    x = np.random.default_rng(1).standard_normal((9, 2))
    inp = torch.tensor(x)
    for m in mods:
        inp = m(inp)[0]
    np.testing.assert_allclose(found.network.run(x).output, inp.detach().numpy(), atol=1e-12)


def test_pytorch_gru_model_file_loads_as_a_gru():
    torch.manual_seed(1)
    model = torch.nn.Sequential()
    model.add_module("gru", torch.nn.GRU(2, 3, num_layers=2, dtype=torch.float64))
    model.add_module("fc", torch.nn.Linear(3, 2, dtype=torch.float64))
    arrays = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    found = layouts.detect(read_weights("g.safetensors", save_safetensors(arrays)))
    assert found.layout == "pytorch" and found.cell == "gru" and found.network.hidden_sizes == (3, 3)
    x = np.random.default_rng(2).standard_normal((10, 2))
    out, _ = model.gru(torch.tensor(x))
    np.testing.assert_allclose(found.network.run(x).output, out.detach().numpy(), atol=1e-12)


def keras_gru(x: np.ndarray, kernel: np.ndarray, rec: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Keras's GRU cell with reset_after=True, as its source writes it: blocks z, r, h; bias rows
    (input, recurrent); h = z·h_{t-1} + (1 − z)·hh. Independent of Gate Lab's reordering."""
    H = rec.shape[0]
    h, out = np.zeros(H), []
    for x_t in x:
        xs = x_t @ kernel + bias[0]
        inner = h @ rec + bias[1]
        z = 1 / (1 + np.exp(-(xs[:H] + inner[:H])))
        r = 1 / (1 + np.exp(-(xs[H : 2 * H] + inner[H : 2 * H])))
        hh = np.tanh(xs[2 * H :] + r * inner[2 * H :])
        h = z * h + (1 - z) * hh
        out.append(h)
    return np.array(out)


def test_keras_gru_reset_after_reproduces_keras_maths():
    rng = np.random.default_rng(5)
    k1, r1, b1 = rng.standard_normal((2, 9)), rng.standard_normal((3, 9)), rng.standard_normal((2, 9))
    k2, r2, b2 = rng.standard_normal((3, 6)), rng.standard_normal((2, 6)), rng.standard_normal((2, 6))
    arrays = {
        "gru/gru_cell/kernel": k1,
        "gru/gru_cell/recurrent_kernel": r1,
        "gru/gru_cell/bias": b1,
        "gru_1/gru_cell/kernel": k2,
        "gru_1/gru_cell/recurrent_kernel": r2,
        "gru_1/gru_cell/bias": b2,
    }
    found = layouts.detect(arrays)
    assert found.layout == "keras" and found.cell == "gru" and found.network.hidden_sizes == (3, 2)
    assert found.notes == ()  # two biases: nothing folded
    x = rng.standard_normal((7, 2))
    want = keras_gru(keras_gru(x, k1, r1, b1), k2, r2, b2)
    np.testing.assert_allclose(found.network.run(x).output, want, atol=1e-12)
    # Keras's z block became PyTorch's second block
    np.testing.assert_array_equal(found.network.layers[0].W_ih[3:6], k1[:, :3].T)


def test_gru_links_round_trip():
    net = Network.random(2, [3, 2], "gru", seed=3)
    back = layouts.decode(layouts.encode(net))
    assert back.cell == "gru"
    for k, v in net.state_dict().items():
        assert np.array_equal(v, back.state_dict()[k])


def test_keras_simple_rnn_and_natural_layer_order():
    arrays = {}
    for name in ("rnn_10", "rnn_2", "rnn"):  # 10 must come after 2
        arrays[f"{name}/kernel"] = np.zeros((1 if name == "rnn" else 2, 2))
        arrays[f"{name}/recurrent_kernel"] = np.eye(2)
        arrays[f"{name}/bias"] = np.zeros(2)
    found = layouts.detect(arrays)
    assert found.cell == "rnn" and found.network.input_size == 1 and found.network.num_layers == 3


def test_round_trip_pytorch_to_gate_lab_to_pytorch_is_identical():
    torch.manual_seed(1)
    lstm = torch.nn.LSTM(2, 3, num_layers=2, dtype=torch.float32)  # as trained models are
    sd = {k: v.detach().numpy() for k, v in lstm.state_dict().items()}
    net = layouts.detect(read_weights("w.npz", npz_bytes(**sd))).network
    back = np.load(io.BytesIO(to_npz(net)), allow_pickle=False)
    lstm2 = torch.nn.LSTM(2, 3, num_layers=2, dtype=torch.float32)
    lstm2.load_state_dict({k: torch.from_numpy(back[k]) for k in back.files})
    for k, v in lstm.state_dict().items():
        assert torch.equal(v, lstm2.state_dict()[k]), k


@pytest.mark.parametrize(
    "arrays, words",
    [
        (
            {
                "weight_ih_l0": np.zeros((10, 1)),
                "weight_hh_l0": np.zeros((10, 2)),
                "bias_ih_l0": np.zeros(10),
                "bias_hh_l0": np.zeros(10),
            },
            [
                "(10, 2)",
                "wrong shape for every cell kind",
                "nn.LSTM (8, 2)",
                "nn.GRU (6, 2)",
                "nn.RNN (2, 2)",
            ],
        ),
        ({"weight_ih_l0_reverse": np.zeros((4, 1))}, ["Bidirectional"]),
        (
            {
                "weight_ih_l0": np.full((4, 1), np.nan),
                "weight_hh_l0": np.zeros((4, 1)),
                "bias_ih_l0": np.zeros(4),
                "bias_hh_l0": np.zeros(4),
            },
            ["weight_ih_l0", "NaN"],
        ),
        (
            {
                "weight_ih_l0": np.full((4, 1), 3e6),
                "weight_hh_l0": np.zeros((4, 1)),
                "bias_ih_l0": np.zeros(4),
                "bias_hh_l0": np.zeros(4),
            },
            ["3e+06", "±1e+06"],
        ),
        (
            {"weight_ih_l0": np.zeros((4, 1)), "weight_hh_l0": np.zeros((4, 1)), "bias_ih_l0": np.zeros(4)},
            ["missing: bias_hh_l0"],
        ),
        (
            {
                "weight_ih_l0": np.zeros((4, 1)),
                "weight_hh_l0": np.zeros((4, 1)),
                "bias_ih_l0": np.zeros(4),
                "bias_hh_l0": np.zeros(4),
                "weight_ih_l1": np.zeros((4, 3)),
                "weight_hh_l1": np.zeros((4, 1)),
                "bias_ih_l1": np.zeros(4),
                "bias_hh_l1": np.zeros(4),
            },
            ["weight_ih_l1", "input size must be 1"],
        ),
        ({"conv.weight": np.zeros((3, 3))}, ["No recurrent weights", "conv.weight"]),
    ],
)
def test_bad_weights_are_refused_with_a_message(arrays, words):
    with pytest.raises(GateLabError) as e:
        layouts.detect(arrays)
    for w in words:
        assert w in str(e.value)


def test_bad_files_are_refused_and_nothing_is_unpickled():
    buf = io.BytesIO()
    np.savez(buf, weight_ih_l0=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(WeightsFileError, match="never unpickles"):
        read_weights("evil.npz", buf.getvalue())
    with pytest.raises(WeightsFileError, match="not a valid .npz"):
        read_weights("notes.npz", b"these are my notes, not weights\n")
    with pytest.raises(WeightsFileError, match="not a valid .safetensors"):
        read_weights("x.safetensors", b"\x00\x01garbage")
    with pytest.raises(WeightsFileError, match="up to 8 MB"):
        read_weights("big.npz", b"0" * (8 * 1024 * 1024 + 1))
    with pytest.raises(WeightsFileError, match=".npz or .safetensors"):
        read_weights("w.pt", b"PK")


def test_link_encoding_is_exact_and_damage_is_refused():
    net = Network.random(2, [3, 2], seed=3)  # random float64 weights
    back = layouts.decode(layouts.encode(net))
    for k, v in net.state_dict().items():
        assert np.array_equal(v, back.state_dict()[k])
    from lstm_core.presets import preset

    small = preset("latch").network  # round numbers: stored as float32, still exact
    text = layouts.encode(small)
    assert len(text) < 200
    assert np.array_equal(
        layouts.decode(text).state_dict()["weight_ih_l0"], small.state_dict()["weight_ih_l0"]
    )
    for bad in ("", "abc", text[:-8]):
        with pytest.raises(StateDictError, match="link"):
            layouts.decode(bad)


def test_editing_cells_changes_exactly_that_weight():
    net = Network.random(2, [3], seed=0)
    new = edit_cells(net, 0, "f", {1: {"x2": 0.5, "h3": -1.25, "b_ih": 2.0}})
    p0, p1 = net.layers[0], new.layers[0]
    H = 3
    assert p1.W_ih[H + 1, 1] == 0.5 and p1.W_hh[H + 1, 2] == -1.25 and p1.b_ih[H + 1] == 2.0
    changed = (p0.W_ih != p1.W_ih).sum() + (p0.W_hh != p1.W_hh).sum() + (p0.b_ih != p1.b_ih).sum()
    assert changed == 3
    x = np.ones((4, 2))
    a = new.run(x).layers[0].gate_terms("f")
    assert a["bias"][1] == pytest.approx(2.0 + p0.b_hh[H + 1])
    with pytest.raises(ValueError, match="not a number"):
        edit_cells(net, 0, "f", {0: {"x1": float("nan")}})
    assert isinstance(new.layers[0], LayerParams)


def test_override_text_round_trip():
    from lstm_core import GateOverride

    ovs = (GateOverride("f", 0, 1.0, 4, None, None), GateOverride("g", 1, -0.5, 0, 10, (0, 2)))
    assert overrides_from_text(overrides_to_text(ovs)) == ovs
    gru = (GateOverride("z", 0, 0.9, 2, 5, None), GateOverride("r", 0, 0.0, 0, None, (1,)))
    assert overrides_from_text(overrides_to_text(gru)) == gru
    for bad in ("q.1.1.1-2.all", "h.1.1.1-2.all"):
        with pytest.raises(ValueError):
            overrides_from_text(bad)


def _lstm(prefix: str = "", H: int = 3, D: int = 1, layers: int = 1) -> dict:
    sd = Network.random(D, [H] * layers, "lstm", seed=3).state_dict()
    return {prefix + k: v for k, v in sd.items()}


def test_names_and_shapes_are_read_together():
    # an LSTM's W_ih (12, 1) with a W_hh of (12, 4): every shape is a GRU of 4 units ...
    odd = _lstm() | {"weight_hh_l0": np.zeros((12, 4))}
    assert layouts.detect(odd).cell == "gru"  # ... so, named nothing, it is one
    with pytest.raises(
        GateLabError, match=r"names its layer 'lstm\.' \(nn.LSTM\).*nn.GRU with hidden size 4"
    ):
        layouts.detect({"lstm." + k: v for k, v in odd.items()})  # named an LSTM, it is refused
    named = _lstm("encoder.gru.") | {"encoder.gru.weight_hh_l0": np.zeros((12, 3))}
    with pytest.raises(GateLabError) as e:
        layouts.detect(named)
    assert e.value.code == "names_shapes_disagree"
    assert layouts.detect(_lstm("rnn.")).cell == "lstm"  # "rnn" is what any recurrent layer is called


def test_a_missing_layer_is_named_not_its_neighbours():
    sd = {k: v for k, v in _lstm("lstm.", layers=3).items() if "_l1" not in k}
    with pytest.raises(GateLabError) as e:
        layouts.detect(sd)
    assert e.value.code == "layer_incomplete" and e.value.params["layer"] == 2 and e.value.params["n"] == 3
    assert "lstm.weight_ih_l1, lstm.weight_hh_l1, lstm.bias_ih_l1, lstm.bias_hh_l1" in str(e.value)


def test_one_wrong_array_is_named_with_the_shape_the_rest_asks_for():
    with pytest.raises(GateLabError) as e:
        layouts.detect(_lstm() | {"weight_hh_l0": np.zeros((9, 3))})
    assert e.value.code == "one_shape_wrong"
    assert "weight_hh_l0 has shape (9, 3)" in str(e.value) and "nn.LSTM with hidden size 3" in str(e.value)
    assert "(12, 3)" in str(e.value)


def test_a_keras_recurrent_kernel_of_the_wrong_shape_is_not_called_a_reset_before_gru():
    H = 3
    keras = {"lstm/kernel": np.zeros((1, 4 * H)), "lstm/recurrent_kernel": np.zeros((H + 1, 4 * H))}
    keras["lstm/bias"] = np.zeros(4 * H)
    with pytest.raises(GateLabError) as e:
        layouts.detect(keras)
    assert e.value.code == "one_shape_wrong", str(e.value)
    assert "lstm/recurrent_kernel has shape (4, 12)" in str(e.value) and "(3, 12)" in str(e.value)
    gru_before = {
        "gru/kernel": np.zeros((1, 9)),
        "gru/recurrent_kernel": np.zeros((3, 9)),
        "gru/bias": np.zeros(9),
    }
    with pytest.raises(GateLabError) as e:  # a GRU saved with reset_after=False is still said so
        layouts.detect(gru_before)
    assert e.value.code == "keras_gru_reset_before"


def test_shapes_that_fit_two_kinds_of_the_table_are_refused_naming_both(monkeypatch):
    from dataclasses import replace

    from lstm_core import kinds

    twin = replace(
        kinds.KINDS_BY_NAME["gru"], name="twin", code=99, torch_class="nn.Twin"
    )  # another 3-block kind
    monkeypatch.setitem(kinds.KINDS_BY_NAME, "twin", twin)
    sd = Network.random(1, [2], "gru", seed=1).state_dict()
    with pytest.raises(GateLabError) as e:
        layouts.detect(sd)
    assert e.value.code == "ambiguous_kind" and "nn.GRU (H = 2) or nn.Twin (H = 2)" in str(e.value)
    assert layouts.detect({"gru." + k: v for k, v in sd.items()}).cell == "gru"  # its name decides
