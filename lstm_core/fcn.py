"""The fully convolutional network (FCN) of Wang, Yan and Oates (2017), with its own backprop.

"Time series classification from scratch with deep neural networks: a strong baseline"
(IJCNN 2017): the network the article's author classified time series with before trying an
LSTM. Three blocks, then global average pooling and a softmax:

    block_k(x) = ReLU(BN_k(Conv1d_k(x)))          filters 128, 256, 128; kernels 8, 5, 3; 'same'
    z = mean_t block_3(block_2(block_1(x)))[:, :, t]            (B, C_3)  global average pooling
    p(class | x) = softmax(W·z + b)

Conv1d_k (PyTorch's layout, weight (C_out, C_in, K)) with 'same' padding as PyTorch pads it:
(K − 1) // 2 zeros on the left and the rest on the right. BN_k is PyTorch's BatchNorm1d: in
training it normalises by the batch's mean and (biased) variance over series and time and
updates running averages (momentum 0.1, the unbiased variance); in evaluation it uses those.

Arrays are (B, T, C) inside (time before channel, so a convolution is one matmul over windows
of every series: im2col through ``sliding_window_view``); the parameters carry PyTorch's names
and shapes, so ``state_dict()`` loads into ``torch.nn.Conv1d`` / ``BatchNorm1d`` / ``Linear``.
Float64 throughout.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

PAPER_WIDTHS = (128, 256, 128)
KERNELS = (8, 5, 3)
# The lab's default: an eighth of the paper's filters (1/64 of the multiply-adds of block 2). Measured
# with bench/fcn.py (median of 3 seeds, 150 epochs on GunPoint, 120 on ItalyPowerDemand): 16 · 32 · 16
# 98.7 % and 96.5 %, as accurate as 32 · 64 · 32 (97.3 %, 96.5 %), whose GunPoint training took 56 s on
# a quiet 2-core machine and up to 160 s on a busy one; 32 · 64 · 32 with half the epochs fell to 86 %.
DEFAULT_WIDTHS = (16, 32, 16)
WIDTH_CHOICES = ((16, 32, 16), (32, 64, 32), (64, 128, 64), PAPER_WIDTHS)
DEFAULT_BATCH, DEFAULT_LR, DEFAULT_CLIP = (
    16,
    0.01,
    0.0,
)  # the lab's defaults (Adam; no clipping, as the paper)
DEFAULT_STEPS = 600  # Adam steps the default number of epochs aims at (few series: more epochs)
MACS_PER_SECOND = 3e9  # measured on the 2-core machine (bench/fcn.py), one thread, small widths
TIME_BUDGET_S = 90  # the lab refuses a training it estimates to take longer
EPS = 1e-5  # BatchNorm1d's ε
MOMENTUM = 0.1  # BatchNorm1d's running-average momentum


def _pad(K: int) -> tuple[int, int]:
    """'same' padding as PyTorch does it: the extra zero of an even kernel goes to the right."""
    return (K - 1) // 2, K - 1 - (K - 1) // 2


padding = _pad


def receptive_field(kernels: tuple[int, ...] = KERNELS) -> int:
    """How many steps of the input one output of the last block sees: 1 + Σ (K − 1) (stride 1)."""
    return 1 + sum(k - 1 for k in kernels)


def filter_output(model: FCN, x: np.ndarray, k: int) -> np.ndarray:
    """(T, D) -> (T,): first-layer filter ``k`` slid along one series (its convolution, before BN)."""
    W, b = model.params["conv1.weight"], model.params["conv1.bias"]
    return conv_forward(np.asarray(x, dtype=np.float64)[None], W[k : k + 1], b[k : k + 1])[0][0, :, 0]


def conv_forward(x: np.ndarray, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x (B, T, C_in), W (C_out, C_in, K), b (C_out,) -> y (B, T, C_out) and the windows (B·T, C_in·K).

    y[:, t, o] = b_o + Σ_c Σ_k W[o, c, k] · x_pad[:, t + k, c]
    """
    B, T, C = x.shape
    O, _, K = W.shape
    left, right = _pad(K)
    xp = np.pad(x, ((0, 0), (left, right), (0, 0)))  # (B, T + K − 1, C)
    cols = np.lib.stride_tricks.sliding_window_view(xp, K, axis=1)  # (B, T, C, K), a view
    cols = cols.reshape(B * T, C * K)  # the copy: im2col
    y = cols @ W.reshape(O, C * K).T + b  # (B·T, C_out)
    return y.reshape(B, T, O), cols


def conv_backward(
    dy: np.ndarray, cols: np.ndarray, W: np.ndarray, need_dx: bool = True
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """dy (B, T, C_out) -> dx (B, T, C_in), dW (C_out, C_in, K), db (C_out,)."""
    B, T, O = dy.shape
    _, C, K = W.shape
    d2 = dy.reshape(B * T, O)
    dW = (d2.T @ cols).reshape(O, C, K)
    db = d2.sum(axis=0)
    if not need_dx:
        return None, dW, db
    dcols = (d2 @ W.reshape(O, C * K)).reshape(B, T, C, K)
    left, _ = _pad(K)
    dxp = np.zeros((B, T + K - 1, C))
    for k in range(K):  # window position t + k read x_pad[t + k]
        dxp[:, k : k + T] += dcols[:, :, :, k]
    return dxp[:, left : left + T], dW, db


@dataclass(frozen=True)
class BNCache:
    xhat: np.ndarray  # (B, T, C) normalised input
    inv: np.ndarray  # (C,) 1 / √(σ² + ε)
    train: bool


def bn_forward(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, mean: np.ndarray, var: np.ndarray, train: bool
) -> tuple[np.ndarray, BNCache, np.ndarray, np.ndarray]:
    """BatchNorm1d over series and time: -> y, cache, new running mean, new running variance."""
    if train:
        n = x.shape[0] * x.shape[1]
        mu = x.mean(axis=(0, 1))
        v = x.var(axis=(0, 1))
        mean = (1 - MOMENTUM) * mean + MOMENTUM * mu
        var = (1 - MOMENTUM) * var + MOMENTUM * v * n / max(n - 1, 1)
    else:
        mu, v = mean, var
    inv = 1.0 / np.sqrt(v + EPS)
    xhat = (x - mu) * inv
    return xhat * gamma + beta, BNCache(xhat, inv, train), mean, var


def bn_backward(dy: np.ndarray, c: BNCache, gamma: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """-> dx, dγ, dβ. In training the batch's mean and variance depend on x too."""
    dgamma = (dy * c.xhat).sum(axis=(0, 1))
    dbeta = dy.sum(axis=(0, 1))
    dxhat = dy * gamma
    if not c.train:
        return dxhat * c.inv, dgamma, dbeta
    n = dy.shape[0] * dy.shape[1]
    dx = c.inv / n * (n * dxhat - dxhat.sum(axis=(0, 1)) - c.xhat * (dxhat * c.xhat).sum(axis=(0, 1)))
    return dx, dgamma, dbeta


@dataclass(frozen=True, eq=False)
class FCN:
    """The parameters (PyTorch's names) and BatchNorm's running statistics; immutable, like a trace."""

    params: dict  # conv{k}.weight/.bias, bn{k}.weight/.bias (k = 1, 2, 3), head.weight/.bias
    stats: dict  # bn{k}.running_mean / bn{k}.running_var
    kind: str = "fcn"

    @property
    def widths(self) -> tuple[int, ...]:
        return tuple(self.params[f"conv{k}.weight"].shape[0] for k in (1, 2, 3))

    def forward(self, X: np.ndarray, train: bool = False):
        """X (B, T, D) -> logits (B, K), the cache for ``backward``, the updated running statistics."""
        h, caches, stats = np.asarray(X, dtype=np.float64), [], dict(self.stats)
        for k in (1, 2, 3):
            P = self.params
            a, cols = conv_forward(h, P[f"conv{k}.weight"], P[f"conv{k}.bias"])
            n, bn, stats[f"bn{k}.running_mean"], stats[f"bn{k}.running_var"] = bn_forward(
                a,
                P[f"bn{k}.weight"],
                P[f"bn{k}.bias"],
                stats[f"bn{k}.running_mean"],
                stats[f"bn{k}.running_var"],
                train,
            )
            h = np.maximum(n, 0.0)  # ReLU
            caches.append((cols, bn, n > 0))
        z = h.mean(axis=1)  # (B, C_3) global average pooling
        logits = z @ self.params["head.weight"].T + self.params["head.bias"]
        return logits, (caches, z, h.shape[1]), stats

    def backward(self, cache, dlogits: np.ndarray) -> dict[str, np.ndarray]:
        """dL/dlogits (B, K) -> dL/d every parameter (same names and shapes as ``params``)."""
        caches, z, T = cache
        P = self.params
        g = {"head.weight": dlogits.T @ z, "head.bias": dlogits.sum(axis=0)}
        dh = np.repeat((dlogits @ P["head.weight"])[:, None, :] / T, T, axis=1)  # (B, T, C_3)
        for k in (3, 2, 1):
            cols, bn, on = caches[k - 1]
            dn = dh * on
            da, g[f"bn{k}.weight"], g[f"bn{k}.bias"] = bn_backward(dn, bn, P[f"bn{k}.weight"])
            dh, g[f"conv{k}.weight"], g[f"conv{k}.bias"] = conv_backward(
                da, cols, P[f"conv{k}.weight"], need_dx=k > 1
            )
        return g

    def logits(self, X: np.ndarray, chunk: int = 64) -> np.ndarray:
        """Evaluation mode (running statistics), ``chunk`` series at a time (the windows of a whole
        test set would not fit in memory)."""
        return np.concatenate([self.forward(X[s : s + chunk])[0] for s in range(0, len(X), chunk)])

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.logits(X).argmax(axis=1)

    def state_dict(self) -> dict[str, np.ndarray]:
        return {k: np.array(v) for k, v in (self.params | self.stats).items()}


def init(D: int, K: int, seed: int, widths: tuple[int, ...] = PAPER_WIDTHS) -> FCN:
    """PyTorch's default init: U(±1/√fan_in) for convolutions and the head, γ = 1, β = 0."""
    rng = np.random.default_rng(seed)
    params, stats, c_in = {}, {}, D
    for k, (c, ks) in enumerate(zip(widths, KERNELS, strict=True), start=1):
        bound = 1 / np.sqrt(c_in * ks)
        params[f"conv{k}.weight"] = rng.uniform(-bound, bound, (c, c_in, ks))
        params[f"conv{k}.bias"] = rng.uniform(-bound, bound, c)
        params[f"bn{k}.weight"], params[f"bn{k}.bias"] = np.ones(c), np.zeros(c)
        stats[f"bn{k}.running_mean"], stats[f"bn{k}.running_var"] = np.zeros(c), np.ones(c)
        c_in = c
    bound = 1 / np.sqrt(c_in)
    params["head.weight"] = rng.uniform(-bound, bound, (K, c_in))
    params["head.bias"] = rng.uniform(-bound, bound, K)
    return FCN(params, stats)


def from_state_dict(sd: dict[str, np.ndarray]) -> FCN:
    """An FCN from its PyTorch names (other entries, such as num_batches_tracked, are ignored).
    Raises StateDictError naming the entry that is missing or has the wrong shape."""
    from .errors import StateDictError

    out, c_in = {}, None
    for k, ks in enumerate(KERNELS, start=1):
        W = sd.get(f"conv{k}.weight")
        if (
            W is None
            or np.ndim(W) != 3
            or np.shape(W)[2] != ks
            or (c_in is not None and np.shape(W)[1] != c_in)
        ):
            want = f"(filters, {c_in if c_in else 'inputs'}, {ks})"
            got = "missing" if W is None else f"{np.shape(W)}"
            raise StateDictError(f"conv{k}.weight should be {want}; it is {got}.")
        c = np.shape(W)[0]
        for name in (
            f"conv{k}.bias",
            f"bn{k}.weight",
            f"bn{k}.bias",
            f"bn{k}.running_mean",
            f"bn{k}.running_var",
        ):
            if name not in sd or np.shape(sd[name]) != (c,):
                got = "missing" if name not in sd else f"{np.shape(sd[name])}"
                raise StateDictError(f"{name} should be ({c},); it is {got}.")
            out[name] = sd[name]
        out[f"conv{k}.weight"], c_in = W, c
    W, b = sd.get("head.weight"), sd.get("head.bias")
    if (
        W is None
        or b is None
        or np.ndim(W) != 2
        or np.shape(W)[1] != c_in
        or np.shape(b) != (np.shape(W)[0],)
    ):
        raise StateDictError(f"head.weight / head.bias should be (classes, {c_in}) / (classes,).")
    out["head.weight"], out["head.bias"] = W, b
    stats = {k: np.asarray(v, dtype=np.float64) for k, v in out.items() if ".running_" in k}
    params = {k: np.asarray(v, dtype=np.float64) for k, v in out.items() if ".running_" not in k}
    return FCN(params, stats)


def macs_per_value(D: int, widths: tuple[int, ...]) -> int:
    """Multiply-adds of one forward pass per time step of one series (the three convolutions)."""
    c_in, total = D, 0
    for c, k in zip(widths, KERNELS, strict=True):
        total += c_in * k * c
        c_in = c
    return total


def default_epochs(n_train: int, batch: int) -> int:
    """Enough epochs for about ``DEFAULT_STEPS`` Adam steps, between 10 and 200."""
    steps_per_epoch = -(-n_train // batch)
    return int(min(200, max(10, round(DEFAULT_STEPS / steps_per_epoch, -1))))


def estimated_seconds(
    n_train: int, n_test: int, T: int, D: int, widths: tuple[int, ...], epochs: int
) -> float:
    """Training time on the machine ``MACS_PER_SECOND`` was measured on: per epoch, forward and
    backward (≈ 3 forwards) over the training set, then a forward over both sets for the accuracies."""
    per_epoch = (3 * n_train + n_train + n_test) * T * macs_per_value(D, widths)
    return epochs * per_epoch / MACS_PER_SECOND


def probabilities_over_time(model: FCN, x: np.ndarray) -> np.ndarray:
    """(T, D) -> (T, K): what the FCN says of each prefix x_1 … x_t (the series, had it ended at t)."""
    from .classify import softmax

    x = np.asarray(x, dtype=np.float64)
    return np.stack([softmax(model.logits(x[None, : t + 1]))[0] for t in range(len(x))])


@dataclass(frozen=True)
class Epoch:
    epoch: int
    loss: float
    train_acc: float
    test_acc: float
    model: FCN


def train(
    Xtr: np.ndarray,
    ytr: np.ndarray,
    Xte: np.ndarray,
    yte: np.ndarray,
    widths: tuple[int, ...] = PAPER_WIDTHS,
    epochs: int = 30,
    batch: int = 16,
    lr: float = 0.001,
    max_norm: float = 0.0,
    seed: int = 0,
    model: FCN | None = None,
) -> Iterator[Epoch]:
    """Adam on mini-batches of cross-entropy, as the recurrent models; yields after every epoch."""
    from .classify import Adam, clip, softmax

    K = int(max(ytr.max(), yte.max())) + 1
    fcn = model or init(Xtr.shape[2], K, seed, tuple(widths))
    params, stats = dict(fcn.params), dict(fcn.stats)
    opt = Adam(lr=lr)
    rng = np.random.default_rng(seed)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(ytr))
        losses = []
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            if len(idx) < 2 and len(order) > 1:  # BatchNorm needs more than one value per channel
                continue
            net = FCN(params, stats)
            logits, cache, stats = net.forward(Xtr[idx], train=True)
            p = softmax(logits)
            B = len(idx)
            loss = float(-np.log(np.maximum(p[np.arange(B), ytr[idx]], 1e-300)).mean())
            if not np.isfinite(loss):
                raise FloatingPointError(f"The loss became {loss} (epoch {epoch}).")
            p[np.arange(B), ytr[idx]] -= 1.0
            params = opt.step(params, clip(net.backward(cache, p / B), max_norm))
            losses.append(loss)
        fcn = FCN(params, stats)
        yield Epoch(
            epoch,
            float(np.mean(losses)),
            float((fcn.predict(Xtr) == ytr).mean()),
            float((fcn.predict(Xte) == yte).mean()),
            fcn,
        )
