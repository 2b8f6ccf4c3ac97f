"""Training speed: this engine against PyTorch, same model, data, epochs and optimizer.

    python bench/train.py [--task shapes] [--epochs 10]

Both train an LSTM (hidden 32) with a linear softmax head on the built-in
task (500 train / 500 test series of 40 steps) with Adam (lr 0.01), mini-
batches of 32 in the same order, the gradient's global norm clipped at 1,
from the same initial weights; float64, one thread. Prints the median epoch
time of each, their ratio (target <= 1.5x) and both test accuracies. (The two
runs agree to 1e-16 after the first epoch; over many Adam steps such rounding
differences can grow, so the accuracies after N epochs need not be equal.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from lstm_core import classify, datasets  # noqa: E402

H, BATCH, LR, CLIP = 32, 32, 0.01, 1.0


def ours(data, epochs: int, model: classify.Classifier) -> tuple[list[float], float]:
    Xtr, ytr, Xte, yte = data
    times, t0 = [], time.perf_counter()
    last = None
    for ep in classify.train(
        Xtr, ytr, Xte, yte, hidden=(H,), epochs=epochs, batch=BATCH, lr=LR, max_norm=CLIP, seed=0, model=model
    ):
        times.append(time.perf_counter() - t0 - sum(times))
        last = ep
    return times, last.test_acc


def theirs(data, epochs: int, model: classify.Classifier) -> tuple[list[float], float]:
    Xtr, ytr, Xte, yte = data
    lstm = torch.nn.LSTM(1, H, batch_first=True, dtype=torch.float64)
    head = torch.nn.Linear(H, model.W.shape[0], dtype=torch.float64)
    with torch.no_grad():
        for k, v in model.net.state_dict().items():
            getattr(lstm, k).copy_(torch.from_numpy(v))
        head.weight.copy_(torch.from_numpy(model.W))
        head.bias.copy_(torch.from_numpy(model.b))
    params = [*lstm.parameters(), *head.parameters()]
    opt = torch.optim.Adam(params, lr=LR)
    X, y = torch.from_numpy(Xtr), torch.from_numpy(ytr)
    rng = np.random.default_rng(0)  # the same batch order as lstm_core.classify.train
    times = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = rng.permutation(len(ytr))
        for start in range(0, len(order), BATCH):
            idx = torch.from_numpy(order[start : start + BATCH])
            opt.zero_grad()
            out, _ = lstm(X[idx])
            loss = torch.nn.functional.cross_entropy(head(out[:, -1]), y[idx])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, CLIP)
            opt.step()
        with torch.no_grad():  # the same per-epoch evaluation as ours: train and test accuracy
            for Xe, ye in ((X, y), (torch.from_numpy(Xte), torch.from_numpy(yte))):
                acc = (head(lstm(Xe)[0][:, -1]).argmax(1) == ye).double().mean().item()
        times.append(time.perf_counter() - t0)
    return times, acc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--task", default="shapes", choices=datasets.TASKS)
    ap.add_argument("--epochs", type=int, default=10)
    args = ap.parse_args()
    torch.set_num_threads(1)
    data = datasets.make_task(args.task, seed=0, n_train=500, n_test=500)
    model = classify.init(1, (H,), int(data[1].max()) + 1, seed=0)
    t_ours, acc_ours = ours(data, args.epochs, model)
    t_torch, acc_torch = theirs(data, args.epochs, model)
    a, b = statistics.median(t_ours), statistics.median(t_torch)
    print(
        f"task {args.task}: LSTM(1→{H}) + softmax head, 500/500 series × 40 steps, Adam lr {LR}, batch {BATCH}, "
        f"clip {CLIP}, {args.epochs} epochs, float64, 1 thread"
    )
    print(
        f"epoch time: lstm_core {a * 1e3:.0f} ms, PyTorch {b * 1e3:.0f} ms, ratio {a / b:.2f}x (target <= 1.5x)"
    )
    print(
        f"test accuracy after {args.epochs} epochs: lstm_core {100 * acc_ours:.1f} %, PyTorch {100 * acc_torch:.1f} %"
    )


if __name__ == "__main__":
    main()
