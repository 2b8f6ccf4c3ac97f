"""The classification lab through AppTest."""

from __future__ import annotations

import numpy as np

from lstm_core import classify, layouts
from tests.app.conftest import arr, chart, make_app, read
from ui.labs.classify_ui import RESULT
from ui.shell import weights


def trained(task="speed", epochs=4):
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value(task).run()
    at.slider(key="clf_epochs").set_value(epochs).run()
    at.slider(key="clf_hidden").set_value(8).run()
    at.button(key="clf_train").click().run(timeout=120)
    assert not at.exception
    return at


def test_train_compare_with_1nn_and_open_in_the_cell_page():
    at = trained()
    res = at.session_state[RESULT]
    assert len(res["history"]) == 4 and res["model"] is not None
    metrics = {m.label: m.value for m in at.metric}
    from lstm_core import datasets

    Xtr, ytr, Xte, yte = datasets.make_task("speed", seed=0, n_train=500, n_test=500)  # what the page uses
    knn = (classify.nearest_neighbour(Xtr, ytr, Xte) == yte).mean()
    assert metrics["1-NN (Euclidean) test accuracy"] == f"{100 * knn:.1f} %"
    dtw = (classify.nearest_neighbour_dtw(Xtr[:, :, 0], ytr, Xte[:, :, 0]) == yte).mean()
    assert metrics["1-NN (DTW) test accuracy"] == f"{100 * dtw:.1f} %"
    acc = (res["model"].predict(Xte) == yte).mean()
    assert metrics["LSTM test accuracy"] == f"{100 * acc:.1f} %"
    probs = chart(at, "clf_probs")
    assert len([d for d in probs["data"] if d.get("xaxis") == "x2"]) == 2  # one line per class
    at.number_input(key="clf_series").set_value(3).run()
    at.button(key="clf_open").click().run()
    assert at.session_state[weights.LABEL] == "trained:speed"
    net = layouts.decode(at.session_state[weights.CUSTOM])
    for k, v in res["model"].net.state_dict().items():
        np.testing.assert_array_equal(net.state_dict()[k], v)
    assert at.session_state["input_kind"] == "typed"
    assert len(at.session_state["typed_numbers"].split(",")) == 40


def test_bad_ucr_files_get_a_message_and_nothing_trains():
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload("train.tsv", b"1\t0.1\t0.2\n2\t0.3\n", "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("test.tsv", b"1\t0.1\t0.2\n", "text/plain").run()
    assert "line 2 has 1 values" in at.error[0].value
    assert not [b for b in at.button if b.key == "clf_train"]
    at.file_uploader(key="clf_ucr_train").upload(
        "train.tsv", b"1\t0.1\t0.2\n2\t0.3\t0.4\n1\t0\t0\n2\t1\t1\n", "text/plain"
    ).run()
    assert not at.error and "2 classes" in " ".join(c.value for c in at.caption)
    at.slider(key="clf_epochs_ucr").set_value(2).run()
    at.button(key="clf_train").click().run(timeout=60)
    assert len(at.session_state[RESULT]["history"]) == 2


def test_export_and_reimport_the_classifier():
    import io

    at = trained(epochs=2)
    model = at.session_state[RESULT]["model"]
    buf = io.BytesIO()
    np.savez(buf, **model.state_dict())
    other = make_app(page="classify")
    other.selectbox(key="clf_task").set_value("speed").run()
    other.slider(key="clf_hidden").set_value(8).run()
    other.file_uploader(key="clf_import").upload("clf.npz", buf.getvalue()).run()
    assert "Imported: 1 layer(s) of hidden size 8" in other.success[0].value
    other.run()  # the results section sits above the importer: it shows the model from the next run on
    got = other.session_state[RESULT]["model"]
    np.testing.assert_array_equal(got.W, model.W)
    curves = arr(chart(other, "clf_probs")["data"][1]["y"])
    assert curves.shape == (40,)


def fcn_trained(task="speed", epochs=3):
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value(task).run()
    at.button_group(key="clf_cell").set_value("fcn").run()
    at.select_slider(key="clf_fcn_widths").set_value(16).run()
    at.slider(key=f"clf_fcn_epochs_{task}").set_value(epochs).run()
    at.button(key="clf_train").click().run(timeout=180)
    assert not at.exception
    return at


def test_the_fcn_trains_beside_the_recurrent_models_in_the_same_views():
    from lstm_core import datasets, fcn

    at = fcn_trained()
    res = at.session_state[RESULT]
    model = res["model"]
    assert model.kind == "fcn" and model.widths == (16, 32, 16) and len(res["history"]) == 3
    Xtr, ytr, Xte, yte = datasets.make_task("speed", seed=0, n_train=500, n_test=500)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["FCN test accuracy"] == f"{100 * (model.predict(Xte) == yte).mean():.1f} %"
    want = classify.confusion(yte, model.predict(Xte), 2)
    assert np.array_equal(arr(chart(at, "clf_confusion")["data"][0]["z"]), want)
    probs = [d for d in chart(at, "clf_probs")["data"] if d.get("xaxis") == "x2"]
    np.testing.assert_allclose(
        np.array([arr(d["y"]) for d in probs]).T, fcn.probabilities_over_time(model, Xte[0]), atol=1e-12
    )
    assert not [b for b in at.button if b.key == "clf_open"]  # no cell to step through: it says so
    assert "no cell to step through" in " ".join(c.value for c in at.caption)


def test_an_fcn_training_over_its_time_budget_is_refused_with_what_to_do():
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("shapes").run()
    at.button_group(key="clf_cell").set_value("fcn").run()
    at.select_slider(key="clf_fcn_widths").set_value(128).run()
    at.slider(key="clf_fcn_epochs_shapes").set_value(300).run()
    warning = at.warning[0].value
    assert "Not started" in warning and "128 · 256 · 128 filters for 300 epochs" in warning
    assert "Choose fewer filters or fewer epochs" in warning
    assert [b for b in at.button if b.key == "clf_train"][0].disabled
    at.slider(key="clf_fcn_epochs_shapes").set_value(2).run()
    assert not at.warning and not [b for b in at.button if b.key == "clf_train"][0].disabled


def test_a_ucr_file_too_large_for_the_fcns_default_budget_gets_a_message_not_a_hang():
    """100 + 100 series of 2000 values, one decimal (under the 1 MB upload limit): the default FCN would run for minutes."""
    rng = np.random.default_rng(0)

    def ucr(n):
        rows = [f"{1 + k % 2}\t" + "\t".join(f"{v:.1f}" for v in rng.standard_normal(2000)) for k in range(n)]
        return "\n".join(rows).encode()

    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload("big_TRAIN.tsv", ucr(100), "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("big_TEST.tsv", ucr(100), "text/plain").run()
    at.button_group(key="clf_cell").set_value("fcn").run()
    warning = at.warning[0].value
    assert "Not started" in warning and "100 training and 100 test series of length 2000" in warning
    assert [b for b in at.button if b.key == "clf_train"][0].disabled
    assert RESULT not in at.session_state


def test_the_stepping_pages_show_the_classifiers_read_out_at_every_step():
    """Classify → Open: Cell, Layers and Timeline carry, for every step, the classifier's own
    probabilities for the series cut there, the class it would choose and where it settles."""
    from lstm_core import datasets
    from tests.app.conftest import stepper

    at = trained(task="shapes", epochs=3)
    model = at.session_state[RESULT]["model"]
    at.number_input(key="clf_series").set_value(2).run()
    at.button(key="clf_open").click().run()
    _, _, Xte, _ = datasets.make_task("shapes", seed=0, n_train=500, n_test=500)
    want = classify.probabilities_over_time(model, Xte[1])
    choice = want.argmax(axis=1)
    settles = int(max([t + 1 for t in range(40) if choice[t] != choice[-1]], default=0))
    names = ["sine", "square", "sawtooth"]
    for page in ("cell", "layers", "timeline"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
        r = stepper(at)["readout"]
        assert r["names"] == names
        np.testing.assert_allclose(np.array(r["p"]), want, atol=1e-6)
        assert r["choice"] == choice.tolist()
        assert r["settles"] == settles == classify.settles_at(want)
        assert r["said"][5] == f"At t = 6 it would say: {names[choice[5]]}"
        assert r["settled"] == f"It settled at t = {settles + 1}: from there on it says {names[choice[-1]]}."
    at.session_state[weights.CUSTOM] = None  # another model: no read-out
    at.run()
    assert stepper(at)["readout"] is None


def test_settles_at_is_the_step_after_the_last_change_of_mind():
    p = np.array([[0.6, 0.4], [0.3, 0.7], [0.8, 0.2], [0.4, 0.6], [0.1, 0.9]])
    assert classify.settles_at(p) == 3
    assert classify.settles_at(p[:1]) == 0 and classify.settles_at(p[[1, 3, 4]]) == 0


def test_the_link_view_slides_the_trained_fcns_filter_beside_the_cell():
    """The first block's filter k, slid along the chosen test series: out_t = b_k + Σ_j W_k[j] x_{t+j−3}."""
    from lstm_core import datasets

    at = fcn_trained(task="speed", epochs=1)
    model = at.session_state[RESULT]["model"]
    at.number_input(key="clf_link_filter").set_value(5).run()
    _, _, Xte, _ = datasets.make_task("speed", seed=0, n_train=500, n_test=500)
    x = Xte[0, :, 0]
    W, b = model.params["conv1.weight"][4, 0], model.params["conv1.bias"][4]
    xp = np.concatenate([np.zeros(3), x, np.zeros(4)])
    want = np.array([b + W @ xp[t : t + 8] for t in range(40)])
    fig = chart(at, "clf_link")
    np.testing.assert_allclose(arr(fig["data"][1]["y"]), want, atol=1e-12)
    assert len(fig["layout"]["sliders"][0]["steps"]) == 40  # t moves in the browser
    assert "FCN: trained here" in " ".join(c.value for c in at.caption)
    assert "14 steps after the three blocks" in " ".join(m.value for m in at.markdown)


def test_an_exported_fcn_imports_again_and_a_broken_one_is_named():
    import io

    at = fcn_trained(epochs=1)
    model = at.session_state[RESULT]["model"]
    buf = io.BytesIO()
    np.savez(buf, **model.state_dict())
    other = make_app(page="classify")
    other.selectbox(key="clf_task").set_value("speed").run()
    other.file_uploader(key="clf_import").upload("fcn.npz", buf.getvalue()).run()
    assert "Imported: an FCN with 16 · 32 · 16 filters." in other.success[0].value
    got = other.session_state[RESULT]["model"]
    from lstm_core import datasets

    _, _, Xte, _ = datasets.make_task("speed", seed=0, n_train=500, n_test=500)
    np.testing.assert_array_equal(got.logits(Xte[:5]), model.logits(Xte[:5]))
    broken = {k: v for k, v in model.state_dict().items() if k != "bn2.running_var"}
    buf = io.BytesIO()
    np.savez(buf, **broken)
    other.file_uploader(key="clf_import").upload("broken.npz", buf.getvalue()).run()
    assert "bn2.running_var should be (32,); it is missing." in read(other.error[0].value)


def _long_ucr(n: int, T: int = 150, seed: int = 0) -> bytes:
    """n series of T points: a bump early (class 1) or late (class 2) under noise, as a UCR file."""
    rng = np.random.default_rng(seed)
    t = np.arange(T)
    rows = []
    for j in range(n):
        c = 1 + j % 2
        x = np.exp(-0.5 * ((t - (0.3 if c == 1 else 0.7) * T) / 8) ** 2) + 0.1 * rng.standard_normal(T)
        rows.append(f"{c}\t" + "\t".join(f"{v:.4f}" for v in x))
    return "\n".join(rows).encode()


def _long_ucr_app(n_train=50):
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload("long_TRAIN.tsv", _long_ucr(n_train), "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("long_TEST.tsv", _long_ucr(20, seed=1), "text/plain").run()
    assert not at.exception and not at.error
    return at


def test_a_long_series_is_read_as_the_mean_of_every_3_points_by_the_page_defaults_bench_fcn_measures():
    """GunPoint's shape (50 series of 150 points): the page's defaults are bench/fcn.py's LSTM defaults,
    the cell reads the mean of every 3 points (50 steps), and the page says what that does and why."""
    from bench.fcn import LSTM_DEFAULTS, lstm_settings

    at = _long_ucr_app()
    want = lstm_settings(50, 150)
    assert want["window"] == 3 and want["epochs"] == 200
    assert at.select_slider(key="clf_window_150").value == want["window"]
    assert at.slider(key="clf_epochs_ucr").value == want["epochs"]
    assert (
        at.slider(key="clf_hidden").value == LSTM_DEFAULTS["hidden"][0]
        and at.slider(key="clf_layers").value == 1
    )
    assert at.select_slider(key="clf_batch").value == LSTM_DEFAULTS["batch"]
    assert at.select_slider(key="clf_lr").value == LSTM_DEFAULTS["lr"]
    assert at.select_slider(key="clf_clip").value == LSTM_DEFAULTS["max_norm"]
    assert at.button_group(key="clf_readout_ucr").value == LSTM_DEFAULTS["readout"]
    captions = " ".join(c.value for c in at.caption)
    assert "Now the cell reads 50 steps, each the mean of 3 neighbouring points of the 150" in captions
    assert "gradient's path back is k times shorter" in captions
    at.select_slider(key="clf_window_150").set_value(1).run()  # the student can turn it off
    assert "Now the cell reads all 150 points, one per step." in " ".join(c.value for c in at.caption)
    at.switch_page("pages/cell.py").run()  # and the choice outlives a visit to another page
    at.switch_page("pages/classify.py").run()
    assert at.select_slider(key="clf_window_150").value == 1


def test_a_shortened_model_steps_through_the_series_it_reads_and_its_read_out_is_its_own():
    """Train with the mean of every 3 points; the probability view, the series opened in the Cell page and
    the stepping pages' read-out are all the 50 steps the model reads, and equal its own probabilities."""
    from lstm_core import datasets
    from tests.app.conftest import stepper

    at = _long_ucr_app(n_train=20)
    at.slider(key="clf_epochs_ucr").set_value(2).run()
    at.slider(key="clf_hidden").set_value(4).run()
    at.button(key="clf_train").click().run(timeout=120)
    assert not at.exception
    model = at.session_state[RESULT]["model"]
    assert model.window == 3
    _, _, Xte, yte, _ = datasets.ucr_pair(_long_ucr(20).decode(), _long_ucr(20, seed=1).decode())
    Xte = classify.znorm(Xte)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["LSTM test accuracy"] == f"{100 * (model.predict(Xte) == yte).mean():.1f} %"
    at.number_input(key="clf_series").set_value(4).run()
    want = classify.probabilities_over_time(model, Xte[3])
    assert want.shape == (50, 2)
    fig = chart(at, "clf_probs")
    lines = [d for d in fig["data"] if d.get("xaxis") == "x2"]
    np.testing.assert_allclose(np.array([arr(d["y"]) for d in lines]).T, want, atol=1e-12)
    upper = [d for d in fig["data"] if d.get("xaxis") in (None, "x")]
    assert sorted(len(arr(d["y"])) for d in upper) == [50, 150]  # the steps it reads, over every point
    assert "reads the mean of every 3 points: 50 steps" in " ".join(c.value for c in at.caption)
    h = next(arr(d["y"]) for d in chart(at, "clf_link")["data"] if d.get("name") == "h_t")  # the link view
    np.testing.assert_allclose(h, np.repeat(model.net.run(classify.shorten(Xte[3], 3)).output[:, 0], 3))
    at.button(key="clf_open").click().run()
    typed = np.array([float(v) for v in at.session_state["typed_numbers"].split(",")])
    np.testing.assert_allclose(typed, classify.shorten(Xte[3], 3)[:, 0], rtol=1e-5, atol=1e-6)
    typed_own = classify.probabilities_over_time(
        classify.Classifier(model.net, model.W, model.b), typed[:, None]
    )
    for page in ("cell", "timeline"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
        r = stepper(at)["readout"]
        assert len(r["p"]) == 50
        np.testing.assert_allclose(np.array(r["p"]), typed_own, atol=1e-6)  # the 50 steps as typed
        np.testing.assert_allclose(np.array(r["p"]), want, atol=1e-4)  # typed at 6 significant digits
        assert r["choice"] == want.argmax(axis=1).tolist()


def test_an_exported_shortened_classifier_imports_with_its_window_and_a_bad_window_is_named():
    import io

    at = _long_ucr_app(n_train=10)
    at.slider(key="clf_epochs_ucr").set_value(1).run()
    at.slider(key="clf_hidden").set_value(3).run()
    at.button(key="clf_train").click().run(timeout=120)
    model = at.session_state[RESULT]["model"]
    buf = io.BytesIO()
    np.savez(buf, **model.state_dict())
    other = _long_ucr_app(n_train=10)
    other.file_uploader(key="clf_import").upload("clf.npz", buf.getvalue()).run()
    assert other.session_state[RESULT]["model"].window == 3
    bad = model.state_dict() | {"head.window": np.array(0.5)}
    buf = io.BytesIO()
    np.savez(buf, **bad)
    other.file_uploader(key="clf_import").upload("bad.npz", buf.getvalue()).run()
    assert "head.window should be one whole number of points per step" in read(other.error[0].value)
