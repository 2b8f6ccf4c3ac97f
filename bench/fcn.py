"""The article's experiment, whole: the FCN and the LSTM on two UCR data sets, with the lab's defaults.

    python bench/fcn.py [--seeds 3] [--sets GunPoint,ItalyPowerDemand] [--skip-torch] [--cache DIR]

For GunPoint and ItalyPowerDemand, on the archive's own train/test split (z-normalised, as the
Classify page does for UCR files), trains the FCN and the LSTM with the Classify page's defaults
(the LSTM's epochs and its window k, the mean of every k points, follow the data's size as on the page)
for three seeds, keeps each run's model from the epoch with the lowest training loss (as the page
does) and prints the median test accuracy and training time, with the published figures beside
them (FCN: Wang, Yan & Oates 2017; 1-NN: the UCR archive) and this run's own 1-NN (Euclidean, DTW).

Then times one FCN training epoch (GunPoint, paper widths 128·256·128 and the lab's default)
against torch (Conv1d padding='same' + BatchNorm1d + ReLU ×3, mean over time, Linear; Adam;
float64, one thread, the same mini-batches): the median of several epochs each, and their ratio
(target <= 1.5×).

The UCR files come from the ``aeon`` wheel on PyPI (aeon/datasets/data/<name>/*.ts), fetched once
with ``pip download aeon==1.6.0 --no-deps`` into the cache and read with zipfile; aeon is not a
dependency of Gate Lab.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from lstm_core import classify, datasets, fcn  # noqa: E402

AEON = "aeon==1.6.0"
# published test accuracies: FCN (Wang et al. 2017, Table 2: error 0.000 and 0.030), 1-NN with
# Euclidean distance and with DTW (full window) from the UCR archive's table
PUBLISHED = {
    "GunPoint": {"FCN": 1.000, "1-NN ED": 0.913, "1-NN DTW": 0.907},
    "ItalyPowerDemand": {"FCN": 0.970, "1-NN ED": 0.955, "1-NN DTW": 0.950},
}
TARGETS = {"GunPoint": {"FCN": 0.97, "LSTM": 0.90}, "ItalyPowerDemand": {"FCN": 0.95, "LSTM": 0.95}}
# the Classify page's (tests/app/test_classify.py checks them against the page's widgets)
LSTM_DEFAULTS = dict(hidden=(32,), batch=classify.DEFAULT_BATCH, lr=0.01, max_norm=1.0, readout="last")


def lstm_settings(n_train: int, T: int) -> dict:
    """The Classify page's LSTM defaults for this data: epochs and the window k depend on its size."""
    return LSTM_DEFAULTS | dict(epochs=classify.default_epochs(n_train), window=classify.default_window(T))


def wheel(cache: Path) -> Path:
    found = sorted(cache.glob("aeon-1.6.0-*.whl"))
    if not found:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", AEON, "--no-deps", "-d", str(cache), "-q"], check=True
        )
        found = sorted(cache.glob("aeon-1.6.0-*.whl"))
    return found[0]


def ts_to_ucr(text: str) -> str:
    """aeon's .ts (values, then ':label') -> the UCR text format the Classify page reads (label first)."""
    rows, data = [], False
    for line in text.splitlines():
        line = line.strip()
        if data and line:
            values, label = line.rsplit(":", 1)
            rows.append(label + "\t" + values.replace(",", "\t"))
        elif line.lower() == "@data":
            data = True
    return "\n".join(rows)


def load(name: str, cache: Path):
    with zipfile.ZipFile(wheel(cache)) as z:
        texts = [
            ts_to_ucr(z.read(f"aeon/datasets/data/{name}/{name}_{w}.ts").decode()) for w in ("TRAIN", "TEST")
        ]
    Xtr, ytr, Xte, yte, names = datasets.ucr_pair(*texts)
    return classify.znorm(Xtr), ytr, classify.znorm(Xte), yte


def fcn_settings(n_train: int) -> dict:
    return dict(
        widths=fcn.DEFAULT_WIDTHS,
        epochs=fcn.default_epochs(n_train, fcn.DEFAULT_BATCH),
        batch=fcn.DEFAULT_BATCH,
        lr=fcn.DEFAULT_LR,
        max_norm=fcn.DEFAULT_CLIP,
    )


def lab_run(model: str, data, seed: int) -> tuple[float, float]:
    """(test accuracy of the kept model, seconds) of one training as the Classify page runs it."""
    Xtr, ytr, Xte, yte = data
    t0 = time.perf_counter()
    if model == "FCN":
        run = fcn.train(Xtr, ytr, Xte, yte, seed=seed, **fcn_settings(len(ytr)))
    else:
        run = classify.train(
            Xtr, ytr, Xte, yte, seed=seed, cell="lstm", **lstm_settings(len(ytr), Xtr.shape[1])
        )
    best = (np.inf, 0.0)
    for ep in run:
        if ep.loss <= best[0]:
            best = (ep.loss, ep.test_acc)
    return best[1], time.perf_counter() - t0


def accuracies(names: list[str], seeds: int, cache: Path) -> None:
    print(f"Test accuracy, median of {seeds} seeds (training time, median), the page's defaults:")
    head = f"{'data set':<18}{'model':<10}{'ours':>8}{'target':>9}{'time s':>9}{'published':>11}"
    print(head)
    for name in names:
        data = load(name, cache)
        Xtr, ytr, Xte, yte = data
        lstm = lstm_settings(len(ytr), Xtr.shape[1])
        print(
            f"{name}: {len(ytr)} train, {len(yte)} test, length {Xtr.shape[1]};"
            f" LSTM: {lstm['epochs']} epochs, the mean of every {lstm['window']} point(s)"
            f" ({-(-Xtr.shape[1] // lstm['window'])} steps)"
        )
        for model in ("FCN", "LSTM"):
            runs = [lab_run(model, data, seed) for seed in range(seeds)]
            acc = statistics.median(r[0] for r in runs)
            secs = statistics.median(r[1] for r in runs)
            target = TARGETS[name][model]
            pub = PUBLISHED[name].get(model)
            ok = "ok" if acc >= target and secs <= 60 else "MISSED"
            print(
                f"{'':<18}{model:<10}{100 * acc:>7.1f}%{100 * target:>8.0f}%{secs:>9.1f}"
                + (f"{100 * pub:>10.1f}%" if pub else f"{'—':>11}")
                + f"  {ok}  (seeds: {', '.join(f'{100 * r[0]:.1f}' for r in runs)})"
            )
        ed = float((classify.nearest_neighbour(Xtr, ytr, Xte) == yte).mean())
        dtw = float((classify.nearest_neighbour_dtw(Xtr[:, :, 0], ytr, Xte[:, :, 0]) == yte).mean())
        for label, acc in (("1-NN ED", ed), ("1-NN DTW", dtw)):
            print(
                f"{'':<18}{label:<10}{100 * acc:>7.1f}%{'':>9}{'':>9}{100 * PUBLISHED[name][label]:>10.1f}%"
            )


def torch_epoch_ratio(cache: Path, widths: tuple[int, ...], epochs: int = 5) -> None:
    import torch

    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    Xtr, ytr, Xte, yte = load("GunPoint", cache)
    K = int(ytr.max()) + 1
    start = fcn.init(1, K, seed=0, widths=widths)

    class Ref(torch.nn.Module):
        def __init__(self):
            super().__init__()
            c_in = 1
            for k, (c, ks) in enumerate(zip(widths, fcn.KERNELS, strict=True), start=1):
                setattr(self, f"conv{k}", torch.nn.Conv1d(c_in, c, ks, padding="same"))
                setattr(self, f"bn{k}", torch.nn.BatchNorm1d(c))
                c_in = c
            self.head = torch.nn.Linear(c_in, K)

        def forward(self, x):
            for k in (1, 2, 3):
                x = torch.relu(getattr(self, f"bn{k}")(getattr(self, f"conv{k}")(x)))
            return self.head(x.mean(dim=2))

    ref = Ref()
    ref.load_state_dict({k: torch.tensor(v) for k, v in start.state_dict().items()}, strict=False)
    opt = torch.optim.Adam(ref.parameters(), lr=fcn.DEFAULT_LR)
    xt, yt = torch.tensor(Xtr.transpose(0, 2, 1)), torch.tensor(ytr)
    rng = np.random.default_rng(0)
    orders = [rng.permutation(len(ytr)) for _ in range(epochs)]

    def torch_epoch(order):
        ref.train()
        for s in range(0, len(order), fcn.DEFAULT_BATCH):
            idx = torch.tensor(order[s : s + fcn.DEFAULT_BATCH])
            opt.zero_grad()
            torch.nn.functional.cross_entropy(ref(xt[idx]), yt[idx]).backward()
            opt.step()

    params, stats = dict(start.params), dict(start.stats)
    adam = classify.Adam(lr=fcn.DEFAULT_LR)

    def our_epoch(order):
        nonlocal params, stats
        for s in range(0, len(order), fcn.DEFAULT_BATCH):
            idx = order[s : s + fcn.DEFAULT_BATCH]
            net = fcn.FCN(params, stats)
            logits, cache, stats = net.forward(Xtr[idx], train=True)
            p = classify.softmax(logits)
            p[np.arange(len(idx)), ytr[idx]] -= 1.0
            params = adam.step(params, net.backward(cache, p / len(idx)))

    times = {"ours": [], "torch": []}
    for order in orders:  # interleaved, so that a busy moment of the machine hits both
        for name, f in (("ours", our_epoch), ("torch", torch_epoch)):
            t0 = time.perf_counter()
            f(order)
            times[name].append(time.perf_counter() - t0)
    ours, ref_t = statistics.median(times["ours"]), statistics.median(times["torch"])
    w = " · ".join(map(str, widths))
    print(
        f"one FCN training epoch on GunPoint, filters {w}: ours {1000 * ours:.0f} ms, torch {1000 * ref_t:.0f} ms,"
        f" ratio {ours / ref_t:.2f}× (target <= 1.5×)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--sets", default="GunPoint,ItalyPowerDemand")
    ap.add_argument("--skip-torch", action="store_true")
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "gate-lab" / "ucr")
    a = ap.parse_args()
    if not a.skip_accuracy:
        accuracies(a.sets.split(","), a.seeds, a.cache)
    if not a.skip_torch:
        for widths in (fcn.PAPER_WIDTHS, fcn.DEFAULT_WIDTHS):
            torch_epoch_ratio(a.cache, widths)


if __name__ == "__main__":
    main()
