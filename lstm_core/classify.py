"""Time-series classification with an LSTM, trained by this engine's BPTT.

The model is the one the article's author wanted: an LSTM reads the series,
a linear softmax head reads its last output h_T,

    p(class k | x) = softmax(W·h_T + b)_k,     loss = cross-entropy, averaged over the batch,

trained with Adam on mini-batches, with the gradient's global norm clipped.
``probabilities_over_time`` applies the head to every h_t: the moment the
model "makes up its mind". ``nearest_neighbour`` is the field's standard
baseline, 1-NN with Euclidean distance.

On a long series the cell may read a shorter one (``window`` k > 1): the mean of every k points
(piecewise aggregate approximation), T -> ⌈T/k⌉ steps of one input each, so the gradient path
through the recurrence is k times shorter and training k times faster. The classifier keeps its
k and shortens every series it is given (training, test, the per-step read-out) the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from .errors import StateDictError
from .network import Network


@dataclass(frozen=True, eq=False)
class Classifier:
    net: Network  # the LSTM (or RNN) stack
    W: np.ndarray  # (K, H_top) head weights
    b: np.ndarray  # (K,) head bias
    readout: str = "last"  # the head reads h_T ("last") or the mean of h_1 … h_T ("mean")
    window: int = 1  # the cell reads the mean of every ``window`` points (1: every point)

    def reads(self, X: np.ndarray) -> np.ndarray:
        """(…, T, D) -> the series the cell steps through: (…, ⌈T/k⌉, D), the mean of every k points."""
        return shorten(X, self.window)

    def logits(self, X: np.ndarray) -> np.ndarray:
        """(B, T, D) -> (B, K) from the last output h_T (or the mean over time)."""
        return features(self.net.run(self.reads(X)).layers[-1].h, self.readout) @ self.W.T + self.b

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.logits(X).argmax(axis=1)

    @property
    def kind(self) -> str:
        """The model's name in the lab: the cell kind ("lstm", "gru", …); an FCN's is "fcn"."""
        return self.net.cell

    def state_dict(self) -> dict[str, np.ndarray]:
        """PyTorch names, the head as ``head.weight`` / ``head.bias`` (an nn.Linear)."""
        head = {"head.weight": np.array(self.W), "head.bias": np.array(self.b)}
        if self.readout == "mean":  # (a last-h_T head exports as it always did)
            head["head.mean_over_time"] = np.array(1.0)
        if self.window > 1:  # the mean of every k points: a file that reads every point has no such key
            head["head.window"] = np.array(float(self.window))
        return self.net.state_dict() | head


READOUTS = ("last", "mean")
SETTINGS_KEYS = ("head.mean_over_time", "head.window")  # in a file beside the head: settings, not weights

# The window k (mean of every k points) the Classify page offers, and its default: the smallest k that
# leaves at most SHORT_STEPS steps, so a series of up to SHORT_STEPS points is read whole. Measured on
# GunPoint (T = 150, archive split, hidden 32, batch 32, Adam 0.01, clip 1, 200 epochs): the LSTM from
# every point 96.0 % in 216 s (seed 0, busy machine), from the means of 3 (50 steps) 92.7–98.0 % over
# seeds 0–4 (median 96.7 %) in about 30 s; a plain RNN 48.7 % (chance) from every point, 84.7 % (median
# of 3) from the means of 3; GRU 97.3 %, MGU 96.7 % (bench/fcn.py measures the LSTM's defaults).
WINDOWS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40)
SHORT_STEPS = 50


def default_window(T: int) -> int:
    """The smallest offered k with ⌈T/k⌉ <= SHORT_STEPS (1 for a series of up to SHORT_STEPS points)."""
    return next((k for k in WINDOWS if -(-T // k) <= SHORT_STEPS), WINDOWS[-1])


# Default epochs: at least MIN_EPOCHS (the built-in tasks' 500 series reach >= 95 % in 40) and about
# DEFAULT_STEPS Adam steps on a small data set (GunPoint's 50 series are 2 mini-batches of 32: 40 epochs
# were 80 steps and did not fit the training set; 200 epochs fit it), at most MAX_EPOCHS.
DEFAULT_BATCH, DEFAULT_STEPS, MIN_EPOCHS, MAX_EPOCHS = 32, 400, 40, 200


def default_epochs(n_train: int, batch: int = DEFAULT_BATCH) -> int:
    """max(MIN_EPOCHS, ≈ DEFAULT_STEPS / mini-batches per epoch), at most MAX_EPOCHS."""
    per_epoch = -(-n_train // batch)
    return int(min(MAX_EPOCHS, max(MIN_EPOCHS, round(DEFAULT_STEPS / per_epoch, -1))))


def window_of(arrays: dict[str, np.ndarray]) -> int:
    """A classifier file's window k (``head.window``; a file without it reads every point)."""
    w = arrays.get("head.window")
    if w is None:
        return 1
    w = np.asarray(w, dtype=np.float64)
    if w.size != 1 or not np.isfinite(w).all() or w.item() != round(w.item()) or not 1 <= w.item() <= 2000:
        raise StateDictError(
            "head.window should be one whole number of points per step, from 1 to 2000.", "head_window"
        )
    return int(w.item())


def shorten(X: np.ndarray, k: int) -> np.ndarray:
    """Piecewise aggregate approximation along time (axis −2): (…, T, D) -> (…, ⌈T/k⌉, D), step j the
    mean of points jk … jk + k − 1 (the last window holds what is left when k does not divide T)."""
    X = np.asarray(X, dtype=np.float64)
    T = X.shape[-2]
    if k <= 1 or T == 0:
        return X
    full = T // k
    head = X[..., : full * k, :].reshape(*X.shape[:-2], full, k, X.shape[-1]).mean(axis=-2)
    if full * k == T:
        return head
    return np.concatenate([head, X[..., full * k :, :].mean(axis=-2, keepdims=True)], axis=-2)


def features(h: np.ndarray, readout: str) -> np.ndarray:
    """(B, T, H) top-layer outputs -> (B, H): h_T, or the mean of h_1 … h_T."""
    return h[:, -1] if readout == "last" else h.mean(axis=1)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def loss_and_grads(clf: Classifier, X: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
    """Mean cross-entropy over the batch and its gradient for every parameter."""
    tr = clf.net.run(clf.reads(X))
    h = tr.layers[-1].h  # (B, T, H)
    hT = features(h, clf.readout)  # (B, H)
    with np.errstate(all="ignore"):
        p = softmax(hT @ clf.W.T + clf.b)  # (B, K)
    B = len(y)
    loss = float(-np.log(np.maximum(p[np.arange(B), y], 1e-300)).mean())
    if not np.isfinite(loss):
        raise FloatingPointError(f"The loss became {loss}.")
    d = p.copy()
    d[np.arange(B), y] -= 1.0
    d /= B  # dL/dlogits
    dz = d @ clf.W  # dL/d(the head's input)
    if clf.readout == "last":
        g = clf.net.backward(tr, dz).params
    else:  # the mean: every h_t gets dz / T
        T = h.shape[1]
        g = clf.net.backward(tr, np.zeros_like(dz), np.repeat(dz[:, None] / T, T, axis=1)).params
    return loss, g | {"head.weight": d.T @ hT, "head.bias": d.sum(axis=0)}


@dataclass
class Adam:
    """Adam (Kingma & Ba) with PyTorch's defaults; state per parameter name."""

    lr: float = 0.01
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    t: int = 0
    m: dict = field(default_factory=dict)
    v: dict = field(default_factory=dict)

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        self.t += 1
        b1, b2 = self.betas
        out = {}
        for k, p in params.items():
            g = grads[k]
            self.m[k] = b1 * self.m.get(k, 0.0) + (1 - b1) * g
            self.v[k] = b2 * self.v.get(k, 0.0) + (1 - b2) * g * g
            mhat = self.m[k] / (1 - b1**self.t)
            vhat = self.v[k] / (1 - b2**self.t)
            out[k] = p - self.lr * mhat / (np.sqrt(vhat) + self.eps)
        return out


def clip(grads: dict[str, np.ndarray], max_norm: float) -> dict[str, np.ndarray]:
    """Scale all gradients together so their global L2 norm is at most ``max_norm``."""
    norm = float(np.sqrt(sum(float((g * g).sum()) for g in grads.values())))
    if max_norm <= 0 or norm <= max_norm:
        return grads
    return {k: g * (max_norm / norm) for k, g in grads.items()}


def init(
    D: int,
    hidden: tuple[int, ...],
    K: int,
    seed: int,
    cell: str = "lstm",
    readout: str = "last",
    window: int = 1,
) -> Classifier:
    """PyTorch's init for the stack (forget bias +1) and the head (U(±1/√H))."""
    net = Network.random(D, hidden, cell, seed, 1.0, 1.0)  # forget bias +1 where the kind has a forget gate
    rng = np.random.default_rng(seed + 1)
    bound = 1 / np.sqrt(hidden[-1])
    W, b = rng.uniform(-bound, bound, (K, hidden[-1])), rng.uniform(-bound, bound, K)
    return Classifier(net, W, b, readout, window)


def from_params(
    cell: str, params: dict[str, np.ndarray], readout: str = "last", window: int = 1
) -> Classifier:
    sd = {k: v for k, v in params.items() if not k.startswith("head.")}
    return Classifier(
        Network.from_state_dict(sd, cell), params["head.weight"], params["head.bias"], readout, window
    )


@dataclass(frozen=True)
class Epoch:
    epoch: int
    loss: float  # mean training loss over the epoch
    train_acc: float
    test_acc: float
    model: Classifier


def train(
    Xtr: np.ndarray,
    ytr: np.ndarray,
    Xte: np.ndarray,
    yte: np.ndarray,
    hidden: tuple[int, ...] = (16,),
    epochs: int = 30,
    batch: int = 32,
    lr: float = 0.01,
    max_norm: float = 1.0,
    seed: int = 0,
    model: Classifier | None = None,
    cell: str = "lstm",
    readout: str = "last",
    window: int = 1,
) -> Iterator[Epoch]:
    """Train a ``cell`` stack (LSTM, GRU or RNN) and its head, yielding after every epoch; the cell
    reads the mean of every ``window`` points of each series (``model``: its own window).
    Stops (raises FloatingPointError) if the loss is NaN."""
    K = int(max(ytr.max(), yte.max())) + 1
    clf = model or init(Xtr.shape[2], tuple(hidden), K, seed, cell, readout, window)
    params = {k: v for k, v in clf.state_dict().items() if k not in SETTINGS_KEYS}  # what Adam moves
    opt = Adam(lr=lr)
    rng = np.random.default_rng(seed)
    cell, readout, window = clf.net.cell, clf.readout, clf.window
    Str, Ste = shorten(Xtr, window), shorten(Xte, window)  # once: every batch reads the shortened series
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(ytr))
        losses = []
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            try:
                loss, grads = loss_and_grads(from_params(cell, params, readout), Str[idx], ytr[idx])
            except (FloatingPointError, ValueError) as e:  # ValueError: weights that went non-finite
                raise FloatingPointError(f"{e} (epoch {epoch})") from None
            params = opt.step(params, clip(grads, max_norm))
            losses.append(loss)
        read = from_params(cell, params, readout)  # on the shortened series
        yield Epoch(
            epoch,
            float(np.mean(losses)),
            accuracy(read, Str, ytr),
            accuracy(read, Ste, yte),
            from_params(cell, params, readout, window),
        )


def accuracy(clf: Classifier, X: np.ndarray, y: np.ndarray) -> float:
    return float((clf.predict(X) == y).mean())


def probabilities_over_time(clf, x: np.ndarray) -> np.ndarray:
    """(T, D) -> (T, K): the head applied to every h_t of one series (an FCN: to every prefix); a
    classifier with a window k: (⌈T/k⌉, K), one row per step of the shortened series it reads."""
    if clf.kind == "fcn":
        from . import fcn

        return fcn.probabilities_over_time(clf, x)
    return read_out(clf.net.run(clf.reads(x)).output, clf.W, clf.b, clf.readout)


def read_out(h: np.ndarray, W: np.ndarray, b: np.ndarray, readout: str = "last") -> np.ndarray:
    """(T, H) top-layer outputs h_t -> (T, K): the class probabilities the head gives at every step,
    what the classifier would say if the series ended there (a mean read-out: the mean of h_1 … h_t)."""
    if readout == "mean":
        h = np.cumsum(h, axis=0) / np.arange(1, len(h) + 1)[:, None]
    return softmax(h @ W.T + b)


def settles_at(p: np.ndarray) -> int:
    """(T, K) -> the first step (0-based) from which the chosen class never changes again."""
    choice = p.argmax(axis=1)
    changed = np.nonzero(choice != choice[-1])[0]
    return int(changed[-1] + 1) if len(changed) else 0


def nearest_neighbour(Xtr: np.ndarray, ytr: np.ndarray, Xte: np.ndarray) -> np.ndarray:
    """1-NN with Euclidean distance over whole series: the predicted class of each test series."""
    A, B = Xtr.reshape(len(Xtr), -1), Xte.reshape(len(Xte), -1)
    d2 = (B * B).sum(1)[:, None] - 2 * B @ A.T + (A * A).sum(1)[None, :]  # (N_test, N_train)
    return ytr[d2.argmin(axis=1)]


def dtw_distances(Xtr: np.ndarray, Xte: np.ndarray, budget: int = 100_000) -> np.ndarray:
    """(N_test, N_train) dynamic-time-warping distances, full warping window, squared point cost
    (as the UCR archive's DTW baseline), for univariate series of one length T.

        D[i, j] = (a_i − b_j)² + min(D[i−1, j], D[i, j−1], D[i−1, j−1]),   D[0, 0] = 0,
        dtw(a, b) = √D[T, T]

    Every cell of an anti-diagonal i + j = k depends only on the two diagonals before it, so
    each diagonal is one NumPy operation over all pairs of a chunk of test series (``budget``
    numbers per diagonal buffer: small enough to stay in cache, measured 3–4× faster than 2 M);
    the work is N_test·N_train·T² either way (bench/dtw.py).
    """
    A = np.asarray(Xtr, dtype=np.float64).reshape(len(Xtr), -1).T  # (T, n): time first, so that
    B = np.asarray(Xte, dtype=np.float64).reshape(len(Xte), -1).T  # a diagonal is one contiguous block
    T, n = A.shape
    out = np.empty((B.shape[1], n))
    step = max(1, budget // (n * (T + 1)))
    for s in range(0, B.shape[1], step):
        b = B[::-1, s : s + step]  # (T, mc) reversed: along a diagonal j falls as i rises
        mc = b.shape[1]
        bufs = [np.full((T + 1, mc * n), np.inf) for _ in range(3)]  # D[i, ·] of one diagonal, all pairs
        bufs[0][0] = 0.0  # diagonal k = 0 holds D[0, 0]
        prev2, prev1, cur = bufs  # diagonals k − 2, k − 1, k (k = 1: D[0, 1] = D[1, 0] = ∞)
        for k in range(2, 2 * T + 1):
            lo, hi = max(1, k - T), min(T, k - 1)  # cells (i, k − i), i = lo … hi
            # b_{j−1} for j = k − lo … k − hi is reversed b from T − k + lo to T − k + hi
            cost = (b[T - k + lo : T - k + hi + 1, :, None] - A[lo - 1 : hi, None, :]) ** 2
            best = np.minimum(prev1[lo - 1 : hi], prev1[lo : hi + 1])
            np.minimum(best, prev2[lo - 1 : hi], out=best)
            np.add(cost.reshape(hi - lo + 1, mc * n), best, out=cur[lo : hi + 1])
            cur[0] = np.inf  # D[0, j > 0] = ∞ (this buffer held D[0, 0] at k = 0)
            # rows outside lo … hi keep older values that no later diagonal reads
            prev2, prev1, cur = prev1, cur, prev2
        out[s : s + mc] = np.sqrt(prev1[T].reshape(mc, n))
    return out


def nearest_neighbour_dtw(Xtr: np.ndarray, ytr: np.ndarray, Xte: np.ndarray) -> np.ndarray:
    """1-NN with DTW (full window): the UCR archive's standard baseline."""
    return ytr[dtw_distances(Xtr, Xte).argmin(axis=1)]


def confusion(y_true: np.ndarray, y_pred: np.ndarray, K: int) -> np.ndarray:
    """(K, K): row = true class, column = predicted class."""
    m = np.zeros((K, K), dtype=int)
    np.add.at(m, (y_true, y_pred), 1)
    return m


def znorm(X: np.ndarray) -> np.ndarray:
    """Each series to mean 0, standard deviation 1 (the UCR convention)."""
    mu = X.mean(axis=1, keepdims=True)
    sd = X.std(axis=1, keepdims=True)
    return (X - mu) / np.where(sd > 0, sd, 1.0)
