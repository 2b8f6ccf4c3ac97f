"""The FCN against torch: Conv1d ('same') + BatchNorm1d + ReLU ×3, global average pooling, Linear.

The forward output, every parameter gradient and BatchNorm's running statistics, in training
and evaluation mode, to 1e-10 over hypothesis-drawn shapes."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_core import fcn

TOL = 1e-10
pytestmark = pytest.mark.filterwarnings("ignore:Using padding=.same. with even kernel")
torch.set_default_dtype(torch.float64)


class TorchFCN(torch.nn.Module):
    def __init__(self, D: int, widths: tuple[int, ...], K: int):
        super().__init__()
        c_in = D
        for k, (c, ks) in enumerate(zip(widths, fcn.KERNELS, strict=True), start=1):
            setattr(self, f"conv{k}", torch.nn.Conv1d(c_in, c, ks, padding="same"))
            setattr(self, f"bn{k}", torch.nn.BatchNorm1d(c))
            c_in = c
        self.head = torch.nn.Linear(c_in, K)

    def forward(self, x):  # x (B, D, T)
        for k in (1, 2, 3):
            x = torch.relu(getattr(self, f"bn{k}")(getattr(self, f"conv{k}")(x)))
        return self.head(x.mean(dim=2))


def _pair(D, widths, K, seed, scramble_stats):
    torch.manual_seed(seed)
    ref = TorchFCN(D, widths, K).double()
    with torch.no_grad():
        for k in (1, 2, 3):  # γ, β and the running statistics away from their initial 1, 0, 0, 1
            bn = getattr(ref, f"bn{k}")
            bn.weight.uniform_(0.5, 1.5)
            bn.bias.uniform_(-0.5, 0.5)
            if scramble_stats:
                bn.running_mean.uniform_(-0.3, 0.3)
                bn.running_var.uniform_(0.5, 2.0)
    sd = {k: v.detach().numpy().copy() for k, v in ref.state_dict().items() if "num_batches" not in k}
    return ref, fcn.from_state_dict(sd)


shapes = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 2**16),
        "B": st.integers(2, 5),
        "T": st.integers(1, 20),
        "D": st.integers(1, 3),
        "widths": st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6)),
        "K": st.integers(2, 4),
        "train": st.booleans(),
    }
)


@settings(max_examples=60, deadline=None)
@given(shapes)
def test_forward_gradients_and_running_statistics_match_torch(cfg):
    ref, net = _pair(cfg["D"], cfg["widths"], cfg["K"], cfg["seed"], scramble_stats=not cfg["train"])
    rng = np.random.default_rng(cfg["seed"])
    x = rng.standard_normal((cfg["B"], cfg["T"], cfg["D"]))
    dlogits = rng.standard_normal((cfg["B"], cfg["K"]))
    ref.train(cfg["train"])
    out = ref(torch.tensor(x.transpose(0, 2, 1)))
    (out * torch.tensor(dlogits)).sum().backward()

    logits, cache, stats = net.forward(x, train=cfg["train"])
    np.testing.assert_allclose(logits, out.detach().numpy(), rtol=0, atol=TOL)
    grads = net.backward(cache, dlogits)
    named = dict(ref.named_parameters())
    assert set(grads) == set(named)
    for name, p in named.items():
        np.testing.assert_allclose(grads[name], p.grad.numpy(), rtol=0, atol=TOL, err_msg=name)
    for name, v in ref.named_buffers():
        if "running" in name:
            np.testing.assert_allclose(stats[name], v.numpy(), rtol=0, atol=TOL, err_msg=name)


def test_same_padding_keeps_the_length_and_even_kernels_pad_right():
    """Kernel 8 pads 3 on the left and 4 on the right, as torch's padding='same'."""
    assert fcn._pad(8) == (3, 4) and fcn._pad(5) == (2, 2) and fcn._pad(3) == (1, 1)
    x = np.zeros((1, 10, 1))
    x[0, 0, 0] = 1.0  # an impulse at t = 0 reads weight k at output t = 3 − k
    W = np.arange(8.0).reshape(1, 1, 8)
    y, _ = fcn.conv_forward(x, W, np.zeros(1))
    np.testing.assert_array_equal(y[0, :4, 0], [3, 2, 1, 0])


def test_default_init_is_the_papers_architecture_and_round_trips():
    net = fcn.init(1, 3, seed=0)
    assert net.widths == (128, 256, 128)
    assert net.params["conv1.weight"].shape == (128, 1, 8)
    assert net.params["conv2.weight"].shape == (256, 128, 5)
    assert net.params["conv3.weight"].shape == (128, 256, 3)
    again = fcn.from_state_dict(net.state_dict())
    x = np.random.default_rng(0).standard_normal((4, 12, 1))
    np.testing.assert_array_equal(again.logits(x), net.logits(x))


def test_training_learns_a_built_in_task():
    from lstm_core import datasets

    Xtr, ytr, Xte, yte = datasets.make_task("speed", seed=0, n_train=64, n_test=64)
    last = list(fcn.train(Xtr, ytr, Xte, yte, widths=(8, 16, 8), epochs=8, lr=0.01, seed=0))[-1]
    assert last.test_acc >= 0.9
    p = fcn.probabilities_over_time(last.model, Xte[0])
    assert p.shape == (40, 2)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(
        p[-1], np.exp(last.model.logits(Xte[:1])[0]) / np.exp(last.model.logits(Xte[:1])[0]).sum()
    )


def test_default_epochs_aim_at_600_adam_steps_and_the_budget_counts_multiply_adds():
    assert fcn.default_epochs(50, 16) == 150  # GunPoint: 4 steps an epoch
    assert fcn.default_epochs(67, 16) == 120  # ItalyPowerDemand: 5
    assert fcn.default_epochs(500, 16) == 20  # a built-in task: 32
    assert fcn.receptive_field() == 14  # 8 + 5 + 3 − 2
    assert fcn.macs_per_value(1, (32, 64, 32)) == 1 * 8 * 32 + 32 * 5 * 64 + 64 * 3 * 32
    s = fcn.estimated_seconds(50, 150, 150, 1, (32, 64, 32), 150)
    assert s == 150 * (3 * 50 + 50 + 150) * 150 * fcn.macs_per_value(1, (32, 64, 32)) / fcn.MACS_PER_SECOND
    assert s < fcn.TIME_BUDGET_S < fcn.estimated_seconds(50, 150, 150, 1, fcn.PAPER_WIDTHS, 150)


def test_a_state_dict_with_a_missing_or_misshapen_entry_is_named():
    from lstm_core import StateDictError

    sd = fcn.init(1, 2, seed=0, widths=(4, 8, 4)).state_dict()
    with pytest.raises(StateDictError, match=r"bn3.bias should be \(4,\); it is missing"):
        fcn.from_state_dict({k: v for k, v in sd.items() if k != "bn3.bias"})
    with pytest.raises(StateDictError, match=r"conv2.weight should be \(filters, 4, 5\)"):
        fcn.from_state_dict(sd | {"conv2.weight": np.zeros((8, 3, 5))})
