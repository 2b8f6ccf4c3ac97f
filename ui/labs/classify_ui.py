"""The classification lab's widgets: data, settings, training loop, results, open in the step pages."""

from __future__ import annotations

import io

import numpy as np
import streamlit as st

import lstm_core
from lstm_core import classify, datasets, fcn, layouts
from ui.shell import page, state, weights
from ui.shell.errors import say
from ui.shell.files import read_weights
from ui.shell.i18n import labels, lang, outside, tx
from ui.shell.state import STEP
from ui.shell.strings import STRINGS
from viz.tables import columns, history_columns

RESULT = "clf_result"  # {"key": data key, "history": [...], "model": Classifier, "names": (...)}
UCR_MAX_BYTES = 2**20
UCR = "_clf_file"  # UCR + "_train" / "_test": (name, text) of an uploaded file, kept for the session


@st.cache_resource(max_entries=16, show_spinner=False)
def task_data(task: str, seed: int, z: bool, language: str):
    """A built-in task's data and class names (in ``language``: part of the cache key)."""
    Xtr, ytr, Xte, yte = datasets.make_task(task, seed=seed, n_train=500, n_test=500)
    if z:
        Xtr, Xte = classify.znorm(Xtr), classify.znorm(Xte)
    names = tuple(STRINGS[f"clf_class_{task}_{k}"][language] for k in range(len(datasets.CLASSES[task])))
    return Xtr, ytr, Xte, yte, names


def _task_changed() -> None:
    """UCR archive files are meant to be z-normalised; the built-in tasks are generated at their scale."""
    st.session_state["clf_znorm"] = st.session_state["clf_task"] == "ucr"


def _uploaded(which: str) -> None:
    """Keep an uploaded UCR file's name and text in the session: leaving the page must not lose it."""
    up = st.session_state.get(f"clf_ucr_{which}")
    if up is None:
        return
    raw, text, problem = up.getvalue(), None, None
    if len(raw) > UCR_MAX_BYTES:
        problem = tx("clf_ucr_too_big", mb=UCR_MAX_BYTES // 2**20)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            problem = tx("csv_not_text")
    st.session_state[f"{UCR}_{which}"] = (up.name, text, problem)


@st.cache_resource(max_entries=8, show_spinner=False)
def dtw_predictions(key: tuple, _Xtr: np.ndarray, _ytr: np.ndarray, _Xte: np.ndarray) -> np.ndarray:
    """1-NN DTW predictions, once per dataset (``key`` names it; the arrays are not hashed)."""
    return classify.nearest_neighbour_dtw(_Xtr[:, :, 0], _ytr, _Xte[:, :, 0])


def data_ui():
    """Pick a task (or upload UCR files); return (X_train, y_train, X_test, y_test, class names, key) or None."""
    options = [*datasets.TASKS, "ucr"]
    task = st.selectbox(
        tx("clf_task_label"),
        options,
        key="clf_task",
        format_func=labels("clf_task_"),
        on_change=_task_changed,
    )
    st.caption(tx(f"clf_task_help_{task}"))
    st.session_state.setdefault("clf_znorm", task == "ucr")
    z = st.checkbox(tx("clf_znorm"), key="clf_znorm")
    seed = int(st.session_state.get("clf_seed", 0))
    if task != "ucr":
        return (*task_data(task, seed, z, lang()), (task, seed, z))
    c1, c2 = st.columns(2)
    c1.file_uploader(
        tx("clf_ucr_train"),
        type=["tsv", "txt", "csv"],
        key="clf_ucr_train",
        max_upload_size=UCR_MAX_BYTES // 2**20,  # the one limit said: the help's, and the uploader's own
        on_change=_uploaded,
        args=("train",),
    )
    c2.file_uploader(
        tx("clf_ucr_test"),
        type=["tsv", "txt", "csv"],
        key="clf_ucr_test",
        max_upload_size=UCR_MAX_BYTES // 2**20,  # the one limit said: the help's, and the uploader's own
        on_change=_uploaded,
        args=("test",),
    )
    files = [st.session_state.get(f"{UCR}_{w}") for w in ("train", "test")]
    if any(f is None for f in files):
        st.info(tx("clf_ucr_help"))
        return None
    for _, _, problem in files:
        if problem:
            st.error(tx("clf_ucr_refused", msg=problem), icon="⚠️")
            return None
    if st.session_state.get("clf_ucr_train") is None or st.session_state.get("clf_ucr_test") is None:
        st.caption(tx("clf_ucr_kept", train=outside(files[0][0]), test=outside(files[1][0])))
    texts = [f[1] for f in files]  # (name, text, problem) each
    try:
        Xtr, ytr, Xte, yte, names = datasets.ucr_pair(*texts)
    except lstm_core.GateLabError as e:
        st.error(tx("clf_ucr_refused", msg=say(e)), icon="⚠️")
        return None
    if z:
        Xtr, Xte = classify.znorm(Xtr), classify.znorm(Xte)
    st.caption(tx("clf_ucr_found", n=len(ytr), m=len(yte), T=Xtr.shape[1], k=len(names)))
    return Xtr, ytr, Xte, yte, names, ("ucr", hash(tuple(texts)), z)


def model_label(kind: str) -> str:
    return tx("clf_model_fcn") if kind == "fcn" else tx(f"cell_{kind}")


# measured on GunPoint with every point read, one seed each: hidden 32, 40 epochs: last 70.7 %, mean 66.7 %;
# with the mean of every 3 points (50 steps) and 200 epochs the last h_T reached 92.7–97.3 % over 5 seeds,
# while a mean read-out stayed at 78–81 % (k = 5, 100 epochs): the last h_T stays the default
UCR_READOUT = "last"


def window_ui(T: int) -> int:
    """How many points the cell reads per step (the mean of every k points; 1: every point), with what it does
    and why. One widget per series length: its default (``classify.default_window``) depends on T."""
    key = f"clf_window_{T}"
    state.keep(key)  # a visit to the Cell page must not lose the student's choice
    options = [k for k in classify.WINDOWS if k == 1 or k <= T // 2]  # at least two steps left
    default = classify.default_window(T)
    k = st.select_slider(
        tx("clf_window"),
        options,
        value=default if default in options else 1,
        key=key,
        format_func=lambda k: tx("clf_window_all", T=T) if k == 1 else tx("clf_window_k", k=k, n=-(-T // k)),
    )
    n = -(-T // k)
    st.caption(tx("clf_window_now_all", T=T) if k == 1 else tx("clf_window_now", k=k, n=n, T=T))
    st.caption(tx("clf_window_help", short=classify.SHORT_STEPS))
    return int(k)


def settings_ui(data) -> dict:
    """The model (a recurrent kind or the FCN) and its training settings, as ``train``'s arguments."""
    code = lang()
    cell = st.segmented_control(
        tx("clf_model_label"),
        [*lstm_core.KINDS_BY_NAME, "fcn"],
        format_func=lambda v: STRINGS["clf_model_fcn" if v == "fcn" else f"cell_{v}"][code],
        key="clf_cell",
        default="lstm",
        required=True,
    )
    if cell == "fcn":
        return fcn_settings_ui(data)
    ucr = data[-1][0] == "ucr"
    readout = st.segmented_control(
        tx("clf_readout"),
        classify.READOUTS,
        format_func=labels("clf_readout_"),
        default=UCR_READOUT if ucr else "last",
        key="clf_readout_ucr" if ucr else "clf_readout",  # one default per kind of data
        required=True,
        help=tx("clf_readout_help"),
    )
    window = window_ui(data[0].shape[1])
    c = st.columns(4)
    layers = c[0].slider(tx("clf_layers"), 1, 2, value=1, key="clf_layers")
    hidden = c[1].slider(tx("clf_hidden"), 2, 32, value=32, key="clf_hidden")
    # one default per kind of data: at least 40 epochs, about 400 Adam steps on a small UCR file
    epochs = c[2].slider(
        tx("clf_epochs"),
        1,
        classify.MAX_EPOCHS,
        value=classify.default_epochs(len(data[0])),
        key="clf_epochs_ucr" if ucr else "clf_epochs",
    )
    batch = c[3].select_slider(
        tx("clf_batch"), [8, 16, 32, 64, 128], value=classify.DEFAULT_BATCH, key="clf_batch"
    )
    c = st.columns(3)
    lr = c[0].select_slider(tx("clf_lr"), [0.001, 0.003, 0.01, 0.03, 0.1], value=0.01, key="clf_lr")
    max_norm = _clip_ui(c[1])
    seed = c[2].number_input(tx("seed_label"), 0, 10_000, value=0, step=1, key="clf_seed")
    return dict(
        hidden=(hidden,) * layers,
        epochs=epochs,
        batch=batch,
        lr=lr,
        max_norm=max_norm,
        seed=int(seed),
        cell=cell or "lstm",
        readout=readout or "last",
        window=window,
    )


def _clip_ui(where, value: float = 1.0, key: str = "clf_clip"):
    return where.select_slider(
        tx("clf_clip"),
        [0.1, 0.5, 1.0, 5.0, 0.0],
        value=value,
        key=key,
        format_func=lambda v: tx("clf_clip_off") if v == 0 else f"{v:g}",
    )


def fcn_settings_ui(data) -> dict:
    """The FCN's widths (the paper's or narrower) and Adam; epochs default to ~600 Adam steps on this data."""
    Xtr, key = data[0], data[-1]
    st.caption(tx("clf_fcn_help"))
    c = st.columns(3)
    # the option is block 1's width w: the blocks have w, 2w, w filters, as the paper's 128, 256, 128
    w = c[0].select_slider(
        tx("clf_fcn_widths"),
        [ws[0] for ws in fcn.WIDTH_CHOICES],
        value=fcn.DEFAULT_WIDTHS[0],
        key="clf_fcn_widths",
        format_func=lambda w: f"{w} · {2 * w} · {w}" + (f" ({tx('clf_fcn_paper')})" if w == 128 else ""),
    )
    widths = (w, 2 * w, w)
    batch = c[1].select_slider(tx("clf_batch"), [8, 16, 32, 64], value=fcn.DEFAULT_BATCH, key="clf_fcn_batch")
    # one epoch-count widget per data set: its default (≈ 600 Adam steps) depends on how many series there are
    epochs = c[2].slider(
        tx("clf_epochs"),
        1,
        300,
        value=fcn.default_epochs(len(Xtr), fcn.DEFAULT_BATCH),
        key=f"clf_fcn_epochs_{key[0]}",
    )
    c = st.columns(3)
    lr = c[0].select_slider(
        tx("clf_lr"), [0.001, 0.003, 0.01, 0.03, 0.1], value=fcn.DEFAULT_LR, key="clf_fcn_lr"
    )
    max_norm = _clip_ui(c[1], fcn.DEFAULT_CLIP, "clf_fcn_clip")
    seed = c[2].number_input(tx("seed_label"), 0, 10_000, value=0, step=1, key="clf_seed")
    return dict(
        widths=tuple(widths), epochs=epochs, batch=batch, lr=lr, max_norm=max_norm, seed=int(seed), cell="fcn"
    )


def too_long(data, settings: dict) -> str | None:
    """The message for an FCN training estimated to take longer than the lab's budget, or None."""
    if settings.get("cell") != "fcn":
        return None
    Xtr, _, Xte, *_ = data
    s = fcn.estimated_seconds(
        len(Xtr), len(Xte), Xtr.shape[1], Xtr.shape[2], settings["widths"], settings["epochs"]
    )
    if s <= fcn.TIME_BUDGET_S:
        return None
    return tx(
        "clf_fcn_too_long",
        n=len(Xtr),
        m=len(Xte),
        T=Xtr.shape[1],
        w=" · ".join(map(str, settings["widths"])),
        e=settings["epochs"],
        s=f"{s:.0f}",
        budget=fcn.TIME_BUDGET_S,
    )


def train_ui(data, settings: dict) -> None:
    """The Train button and the live loop; the best model (lowest training loss) is kept in the session."""
    Xtr, ytr, Xte, yte, names, key = data
    problem = too_long(data, settings)
    if problem:
        st.warning(problem, icon="⏱️")
    if not st.button(tx("clf_train_button"), key="clf_train", type="primary", disabled=bool(problem)):
        return
    st.button(
        tx("clf_stop_button"), key="clf_stop", help=tx("clf_stop_help")
    )  # a click reruns: the loop stops
    progress, chart = st.progress(0.0), st.empty()
    cell = settings["cell"]
    run = (
        fcn.train(Xtr, ytr, Xte, yte, **{k: v for k, v in settings.items() if k != "cell"})
        if cell == "fcn"
        else (classify.train(Xtr, ytr, Xte, yte, **settings))
    )
    result = {"key": key, "history": [], "model": None, "names": names, "best_loss": np.inf, "best_epoch": 0}
    st.session_state[RESULT] = result
    try:
        for ep in run:
            result["history"].append((ep.epoch, ep.loss, ep.train_acc, ep.test_acc))
            if ep.loss <= result["best_loss"]:
                result["best_loss"], result["model"], result["best_epoch"] = ep.loss, ep.model, ep.epoch
            progress.progress(
                ep.epoch / settings["epochs"],
                text=tx(
                    "clf_progress",
                    e=ep.epoch,
                    n=settings["epochs"],
                    loss=f"{ep.loss:.3f}",
                    tr=f"{100 * ep.train_acc:.0f}",
                    te=f"{100 * ep.test_acc:.0f}",
                ),
            )
            from viz.classify import curves_figure

            chart.plotly_chart(curves_figure(result["history"], tx), key=f"clf_live_{ep.epoch}")
    except FloatingPointError as e:
        st.error(tx("clf_diverged", msg=str(e)), icon="⚠️")
    st.rerun()


def _open(model: classify.Classifier, x: np.ndarray, name: str, names: tuple[str, ...]) -> None:
    weights.clear_overrides()
    weights.set_network(model.net, f"trained:{name}")
    weights.set_head(
        model.W, model.b, names, model.readout
    )  # the stepping pages show what it would say at every step
    numbers = ", ".join(f"{v:.6g}" for v in model.reads(x)[:, 0])  # what the cell reads: k points a step
    state.update({"input_kind": "typed", "typed_numbers": numbers, STEP: 0, "view_layer": 1, "view_unit": 1})


def results_ui(data) -> None:
    Xtr, ytr, Xte, yte, names, key = data
    res = st.session_state.get(RESULT)
    if not res or res.get("model") is None:
        st.info(tx("clf_not_trained"))
        return
    if res["key"] != key:
        st.warning(tx("clf_other_data"))
        return
    from viz.classify import confusion_figure, curves_figure, probabilities_figure

    model = res["model"]
    pred = model.predict(Xte)
    knn = classify.nearest_neighbour(Xtr, ytr, Xte)
    with st.spinner(tx("clf_dtw_running")):
        knn_dtw = dtw_predictions(key, Xtr, ytr, Xte)
    acc, acc_nn = float((pred == yte).mean()), float((knn == yte).mean())
    acc_dtw = float((knn_dtw == yte).mean())
    c = st.columns(4)
    # the delta is a number's text with its sign first: Streamlit colours and points the arrow by that sign
    c[0].metric(
        tx("clf_model_acc", cell=model_label(model.kind)),
        f"{100 * acc:.1f} %",
        delta=tx("clf_delta_points", d=f"{100 * (acc - acc_dtw):+.1f}"),
    )
    c[1].metric(tx("clf_dtw_acc"), f"{100 * acc_dtw:.1f} %", help=tx("clf_dtw_help"))
    c[2].metric(tx("clf_knn_acc"), f"{100 * acc_nn:.1f} %")
    c[3].metric(tx("clf_epochs_run"), len(res["history"]))
    if res.get("best_epoch"):
        st.caption(
            tx("clf_best_epoch", e=res["best_epoch"], n=len(res["history"]), loss=f"{res['best_loss']:.3f}")
        )
    left, right = st.columns([3, 2])
    left.plotly_chart(curves_figure(res["history"], tx), key="clf_curves")
    if res["history"]:
        with left:
            page.data_table(history_columns(res["history"], tx))
    right.plotly_chart(
        confusion_figure(classify.confusion(yte, pred, len(names)), names, tx), key="clf_confusion"
    )
    st.subheader(tx("clf_open_header"))
    i = int(st.number_input(tx("clf_series"), 1, len(yte), value=1, step=1, key="clf_series")) - 1
    x = Xte[i]
    st.caption(tx("clf_series_info", true=outside(names[yte[i]]), pred=outside(names[pred[i]])))
    is_fcn = model.kind == "fcn"
    k = 1 if is_fcn else model.window
    xs = x if k == 1 else model.reads(x)  # the series the cell steps through: the mean of every k points
    cache = res.setdefault("probs", {})  # an FCN reads every prefix again: once per series is enough
    if i not in cache:
        cache[i] = classify.probabilities_over_time(model, x)
    probs = cache[i]
    title = tx("clf_probs_title_fcn") if is_fcn else None
    fig = probabilities_figure(probs, xs[:, 0], names, tx, title, every=x[:, 0] if k > 1 else None, k=k)
    st.plotly_chart(fig, key="clf_probs")
    st.caption(tx("clf_probs_help_fcn" if is_fcn else "clf_probs_help"))
    if k > 1:
        st.caption(tx("clf_probs_window", k=k, n=len(xs), T=len(x)))
    page.data_table(columns("t", {"x_t": xs[:, 0]} | {str(n): probs[:, j] for j, n in enumerate(names)}, 4))
    c1, c2 = st.columns(2)
    if is_fcn:
        c1.caption(tx("clf_fcn_no_cell"))
    elif c1.button(
        tx("clf_open_button"), key="clf_open", type="primary", on_click=_open, args=(model, x, key[0], names)
    ):
        st.switch_page("pages/cell.py")
    buf = io.BytesIO()
    np.savez(buf, **model.state_dict())  # a mean read-out adds head.mean_over_time
    c2.download_button(
        tx("clf_export"), buf.getvalue(), file_name="gate-lab-classifier.npz", key="clf_export", icon="⬇️"
    )


def import_ui(data) -> None:
    """Re-import an exported classifier (.npz with the LSTM and head.weight / head.bias)."""
    *_, names, key = data
    up = st.file_uploader(tx("clf_import"), type=["npz", "safetensors"], key="clf_import")
    if up is None:
        return
    try:
        arrays = read_weights(up.name, up.getvalue())
        if "conv1.weight" in arrays:  # an FCN
            return _import_fcn(fcn.from_state_dict(arrays), data)
        net = layouts.detect(arrays).network
        W, b = arrays.get("head.weight"), arrays.get("head.bias")
        if W is None or b is None:
            raise lstm_core.StateDictError(
                "the file has no head.weight / head.bias (the classifier's last layer)."
            )
        if W.shape != (len(names), net.hidden_sizes[-1]) or b.shape != (len(names),):
            raise lstm_core.StateDictError(
                f"head.weight is {W.shape}; this task needs ({len(names)}, {net.hidden_sizes[-1]})."
            )
        window = classify.window_of(arrays)
    except lstm_core.GateLabError as e:
        st.error(tx("import_refused", msg=say(e)), icon="⚠️")
        return
    model = classify.Classifier(
        net, W, b, "mean" if arrays.get("head.mean_over_time") is not None else "last", window
    )
    _keep_imported(key, model, names)
    st.success(tx("clf_imported", n=net.num_layers, h=", ".join(map(str, net.hidden_sizes))))


def _keep_imported(key, model, names) -> None:
    """An imported model becomes the lab's result, with no training history."""
    st.session_state[RESULT] = {
        "key": key,
        "history": [],
        "model": model,
        "names": names,
        "best_loss": np.nan,
    }


def _import_fcn(model: fcn.FCN, data) -> None:
    *_, names, key = data
    K = model.params["head.weight"].shape[0]
    if K != len(names) or model.params["conv1.weight"].shape[1] != data[0].shape[2]:
        st.error(tx("import_refused", msg=tx("clf_import_fcn_shape", k=K, n=len(names))), icon="⚠️")
        return
    _keep_imported(key, model, names)
    st.success(tx("clf_imported_fcn", w=" · ".join(map(str, model.widths))))


LAST = "clf_last_models"  # {"fcn" | "rnn": (data key, model)}: the latest trained of each, for the link view


def link_ui(data) -> None:
    """The link the article's author asked for: an FCN filter sliding along a test series beside an
    LSTM cell stepping along it (the latest trained of each on this data, else an untrained one)."""
    Xtr, ytr, Xte, yte, names, key = data
    res = st.session_state.get(RESULT) or {}
    last = st.session_state.setdefault(LAST, {})
    if res.get("model") is not None and res.get("key") == key:
        last["fcn" if res["model"].kind == "fcn" else "rnn"] = (key, res["model"])
    st.subheader(tx("link_header"))
    st.markdown(tx("link_intro", field=fcn.receptive_field()))
    K = len(names)
    conv_model = last["fcn"][1] if "fcn" in last and last["fcn"][0] == key else None
    cell_model = last["rnn"][1] if "rnn" in last and last["rnn"][0] == key else None
    trained = [
        tx("link_trained") if m is not None else tx("link_untrained") for m in (conv_model, cell_model)
    ]
    conv_model = conv_model or fcn.init(Xtr.shape[2], K, seed=0, widths=fcn.DEFAULT_WIDTHS)
    cell_model = cell_model or classify.init(Xtr.shape[2], (8,), K, seed=0, cell="lstm")
    i = int(st.session_state.get("clf_series", 1)) - 1
    x = Xte[min(max(i, 0), len(Xte) - 1)]
    c = st.columns(2)
    W = conv_model.params["conv1.weight"]
    k = int(c[0].number_input(tx("link_filter"), 1, W.shape[0], value=1, step=1, key="clf_link_filter")) - 1
    H = cell_model.net.hidden_sizes[0]
    u = int(c[1].number_input(tx("link_unit"), 1, H, value=1, step=1, key="clf_link_unit")) - 1
    out = fcn.filter_output(conv_model, x, k)
    w = cell_model.window  # a cell that reads the mean of every w points: each step held over its w points
    lt = cell_model.net.run(cell_model.reads(x)).layers[0]
    cs = np.repeat(lt.c[:, u], w)[: len(x)] if lt.c is not None else None
    hs = np.repeat(lt.h[:, u], w)[: len(x)]
    left, right = fcn.padding(fcn.KERNELS[0])
    from viz.link import link_figure

    st.caption(tx("link_models", conv=trained[0], cell=trained[1], cellname=model_label(cell_model.kind)))
    fig = link_figure(x[:, 0], out, left, right, cs, hs, tx, start=len(x) // 2)
    st.plotly_chart(fig, key="clf_link")
    if w > 1:
        st.caption(tx("link_window", k=w, cellname=model_label(cell_model.kind)))
    st.markdown(tx("link_differs", field=fcn.receptive_field()))
