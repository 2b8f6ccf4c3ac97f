"""The classifier: gradients against torch, training that learns, the 1-NN baseline, UCR files."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from lstm_core import ParseError, StateDictError, classify, datasets
from tests.unit.torch_ref import state_dict_of, torch_stack


@pytest.mark.parametrize("readout", classify.READOUTS)
def test_batched_classifier_gradients_match_torch_autograd(readout):
    """The head reads h_T, or the mean of h_1 … h_T."""
    mods = torch_stack("lstm", 2, [5, 3], seed=1)
    head = torch.nn.Linear(3, 4, dtype=torch.float64)
    from lstm_core import Network

    clf = classify.Classifier(
        Network.from_state_dict(state_dict_of(mods)),
        head.weight.detach().numpy().copy(),
        head.bias.detach().numpy().copy(),
        readout,
    )
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((7, 12, 2)), rng.integers(0, 4, 7)
    loss, grads = classify.loss_and_grads(clf, X, y)
    inp = torch.tensor(X).transpose(0, 1)  # (T, B, D)
    for m in mods:
        inp = m(inp)[0]
    z = inp[-1] if readout == "last" else inp.mean(dim=0)
    tl = torch.nn.functional.cross_entropy(head(z), torch.tensor(y))
    tl.backward()
    assert loss == pytest.approx(tl.item(), abs=1e-12)
    np.testing.assert_allclose(grads["head.weight"], head.weight.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(grads["head.bias"], head.bias.grad.numpy(), atol=1e-12)
    for k, m in enumerate(mods):
        for name, p in m.named_parameters():
            np.testing.assert_allclose(grads[name.replace("_l0", f"_l{k}")], p.grad.numpy(), atol=1e-12)


def test_training_reduces_the_loss_and_learns_a_small_task():
    Xtr, ytr, Xte, yte = datasets.make_task("speed", seed=3, n_train=120, n_test=120, length=30)
    history = list(classify.train(Xtr, ytr, Xte, yte, hidden=(8,), epochs=15, batch=16, lr=0.02, seed=0))
    assert history[-1].loss < 0.5 * history[0].loss
    assert max(h.test_acc for h in history) >= 0.95


def test_nearest_neighbour_matches_a_direct_computation():
    rng = np.random.default_rng(0)
    Xtr, ytr, Xte = rng.standard_normal((20, 9, 1)), rng.integers(0, 3, 20), rng.standard_normal((11, 9, 1))
    direct = np.array([ytr[np.argmin([np.linalg.norm(a - b) for a in Xtr])] for b in Xte])
    np.testing.assert_array_equal(classify.nearest_neighbour(Xtr, ytr, Xte), direct)
    m = classify.confusion(np.array([0, 1, 1, 2]), np.array([0, 1, 2, 2]), 3)
    assert m.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]


def test_a_mean_read_out_per_step_is_the_head_on_the_mean_so_far():
    clf = classify.init(1, (4,), 3, seed=0, readout="mean")
    x = np.random.default_rng(1).standard_normal((9, 1))
    p = classify.probabilities_over_time(clf, x)
    h = clf.net.run(x).output
    for t in (0, 4, 8):
        np.testing.assert_allclose(
            p[t], classify.softmax(h[: t + 1].mean(axis=0) @ clf.W.T + clf.b), atol=1e-14
        )
    np.testing.assert_allclose(p[-1], classify.softmax(clf.logits(x[None]))[0], atol=1e-14)


def test_probabilities_over_time_end_at_the_prediction():
    Xtr, ytr, Xte, yte = datasets.make_task("trend", seed=1, n_train=40, n_test=10)
    clf = classify.init(1, (4,), 2, seed=0)
    p = classify.probabilities_over_time(clf, Xte[0])
    assert p.shape == (40, 2) and np.allclose(p.sum(1), 1)
    assert p[-1].argmax() == clf.predict(Xte[:1])[0]


def test_ucr_files_parse_and_bad_ones_name_the_line():
    train = "1\t0.1\t0.2\t0.3\n2\t1.0\t0.9\t0.8\n1\t0.0\t0.1\t0.2\n"
    test = "2,1.1,1.0,0.7\n1,0.2,0.2,0.2\n"
    Xtr, ytr, Xte, yte, names = datasets.ucr_pair(train, test)
    assert (
        Xtr.shape == (3, 3, 1)
        and ytr.tolist() == [0, 1, 0]
        and yte.tolist() == [1, 0]
        and names == ("1", "2")
    )
    bad = [
        ("", test, "empty"),
        ("1\t0.1\t0.2\n2\t0.3\n", test, "line 2 has 1 values"),
        ("1\t0.1\tx\n2\t0.3\t0.1\n", test, "line 1, column 3: 'x'"),
        ("1\t0.1\tnan\n2\t0.3\t0.1\n", test, "finite"),
        ("cat\t0.1\t0.2\n", test, "only one class (cat)"),
        ("1\t0.1\t0.2\t0.3\n1\t0.2\t0.2\t0.2\n", test, "only one class"),
        (train, "1,0.1,0.2\n", "test series have 2 values"),
        (train, "3,0.1,0.2,0.3\n", "classes the train file never shows: '3'"),
    ]
    for tr_text, te_text, words in bad:
        with pytest.raises(ParseError) as e:
            datasets.ucr_pair(tr_text, te_text)
        assert words in str(e.value), (words, str(e.value))


def test_divergence_is_reported():
    Xtr, ytr, Xte, yte = datasets.make_task("shapes", seed=0, n_train=32, n_test=8)
    good = classify.init(1, (4,), 3, seed=0)
    broken = classify.Classifier(good.net, np.full_like(good.W, np.inf), good.b)  # logits inf − inf = NaN
    with pytest.raises(FloatingPointError, match="loss became nan"):
        for _ in classify.train(Xtr, ytr, Xte, yte, hidden=(4,), epochs=2, model=broken):
            pass


@pytest.mark.parametrize("task", datasets.TASKS)
def test_every_built_in_task_reaches_95_percent_with_the_page_defaults(task):
    """The Classify page's defaults: hidden 32, 40 epochs, batch 32, Adam 0.01, clip 1, seed 0;
    the model kept is the one with the lowest training loss."""
    Xtr, ytr, Xte, yte = datasets.make_task(task, seed=0, n_train=500, n_test=500)
    best = min(
        classify.train(Xtr, ytr, Xte, yte, hidden=(32,), epochs=40, batch=32, lr=0.01, max_norm=1.0),
        key=lambda ep: ep.loss,
    )
    assert best.test_acc >= 0.95, (task, best.test_acc)


def _dtw_reference(a: np.ndarray, b: np.ndarray) -> float:
    """The textbook dynamic programme, one cell at a time."""
    T = len(a)
    D = np.full((T + 1, T + 1), np.inf)
    D[0, 0] = 0.0
    for i in range(1, T + 1):
        for j in range(1, T + 1):
            D[i, j] = (a[i - 1] - b[j - 1]) ** 2 + min(D[i - 1, j], D[i, j - 1], D[i - 1, j - 1])
    return float(np.sqrt(D[T, T]))


@pytest.mark.parametrize("T, budget", [(1, 10), (2, 10), (7, 30), (19, 100_000), (33, 200)])
def test_dtw_matches_the_textbook_dynamic_programme(T, budget):
    rng = np.random.default_rng(T)
    A, B = rng.standard_normal((6, T)), rng.standard_normal((4, T))
    want = np.array([[_dtw_reference(A[j], B[i]) for j in range(6)] for i in range(4)])
    np.testing.assert_allclose(classify.dtw_distances(A, B, budget), want, rtol=1e-12, atol=1e-12)


def test_dtw_aligns_a_shifted_series_where_euclid_cannot():
    t = np.arange(60)
    bump = lambda c: np.exp(-0.5 * ((t - c) / 3.0) ** 2)  # noqa: E731
    Xtr = np.stack([bump(20), -bump(20)])  # class 0: a bump up, class 1: a bump down
    Xte = np.stack([bump(40)])  # a bump up, later
    euclid = np.sqrt(((Xtr - Xte) ** 2).sum(1))  # both ≈ 2.4: to Euclid, the later bump is neither
    assert classify.dtw_distances(Xtr, Xte)[0, 0] < 1e-6 < 1 < euclid.min()  # warping aligns it
    assert classify.nearest_neighbour_dtw(Xtr, np.array([0, 1]), Xte).tolist() == [0]


def test_shorten_is_the_mean_of_every_k_points():
    """Piecewise aggregate approximation: step j is the mean of points jk … jk + k − 1; a last window
    with fewer points is the mean of what is left; k = 1 is the series itself."""
    x = np.arange(10.0)[:, None]
    assert classify.shorten(x, 3)[:, 0].tolist() == [1.0, 4.0, 7.0, 9.0]
    assert classify.shorten(x, 5)[:, 0].tolist() == [2.0, 7.0]
    np.testing.assert_array_equal(classify.shorten(x, 1), x)
    X = np.random.default_rng(0).standard_normal((4, 150, 2))
    S = classify.shorten(X, 3)
    assert S.shape == (4, 50, 2)
    np.testing.assert_allclose(S[2, 7], X[2, 21:24].mean(axis=0), atol=1e-15)


def test_the_default_window_reads_at_most_50_steps_and_short_series_whole():
    assert classify.default_window(24) == 1  # ItalyPowerDemand
    assert classify.default_window(40) == 1 and classify.default_window(50) == 1  # the built-in tasks
    assert classify.default_window(150) == 3  # GunPoint: 50 steps
    assert classify.default_window(51) == 2 and classify.default_window(2000) == 40
    assert classify.default_epochs(500) == 40  # the built-in tasks' 500 series
    assert classify.default_epochs(50) == 200 and classify.default_epochs(67) == 130  # GunPoint, Italy


def test_a_classifier_with_a_window_is_the_same_classifier_on_the_shortened_series():
    """Loss, every gradient, the prediction and the read-out per step: as if it were given the mean
    of every k points, with one read-out row per step it reads."""
    clf = classify.init(1, (5,), 3, seed=0, window=4)
    whole = classify.Classifier(clf.net, clf.W, clf.b)
    rng = np.random.default_rng(1)
    X, y = rng.standard_normal((6, 30, 1)), rng.integers(0, 3, 6)
    S = classify.shorten(X, 4)
    loss, g = classify.loss_and_grads(clf, X, y)
    want_loss, want = classify.loss_and_grads(whole, S, y)
    assert loss == want_loss and g.keys() == want.keys()
    for k in g:
        np.testing.assert_array_equal(g[k], want[k])
    np.testing.assert_array_equal(clf.logits(X), whole.logits(S))
    p = classify.probabilities_over_time(clf, X[0])
    assert p.shape == (8, 3)
    np.testing.assert_allclose(p[-1], classify.softmax(clf.logits(X[:1]))[0], atol=1e-14)
    first = next(classify.train(X, y, X, y, hidden=(5,), epochs=1, window=4, seed=0))
    assert first.model.window == 4 and first.test_acc == classify.accuracy(first.model, X, y)


def test_a_classifier_file_keeps_its_window_and_a_bad_one_is_named():
    clf = classify.init(1, (3,), 2, seed=0, window=3)
    sd = clf.state_dict()
    assert sd["head.window"] == 3.0 and "head.window" not in classify.init(1, (3,), 2, seed=0).state_dict()
    assert classify.window_of(sd) == 3 and classify.window_of({}) == 1
    for bad in (0.0, 2.5, np.inf, np.array([2.0, 3.0])):
        with pytest.raises(StateDictError) as e:
            classify.window_of({"head.window": np.asarray(bad)})
        assert e.value.code == "head_window"


def test_the_probability_chart_puts_every_point_inside_the_step_that_reads_it():
    """150 points read as the means of every 20 (8 steps, the last of 10 points): each point is drawn
    within its own step's t − ½ … t + ½ (ceil(150 / 8) = 19 would put them out of line)."""
    from viz.classify import probabilities_figure

    x = np.sin(np.arange(150.0))
    xs = np.array([x[j : j + 20].mean() for j in range(0, 150, 20)])
    p = np.full((len(xs), 2), 0.5)
    fig = probabilities_figure(p, xs, ["a", "b"], lambda key, **_: key, every=x, k=20)
    pos = np.asarray(fig.data[0].x)
    step = np.arange(150) // 20 + 1
    assert len(xs) == 8 and np.all(pos > step - 0.5) and np.all(pos < step + 0.5)
