"""A corpus of bad and unusual inputs, through the app as a student makes them:
links, typed numbers, CSV files, weight files and UCR files. Each case asserts
the message the student sees and that what was shown before is kept (or, for
a link, that the default is used). Unusual but good inputs assert they work.
"""

from __future__ import annotations

import io
import pickle
import re
import zipfile

import numpy as np
import pytest
from safetensors.numpy import save as save_safetensors

from lstm_core import Network, layouts
from tests.app.conftest import make_app, read
from ui.labs.classify_ui import RESULT
from ui.shell import weights
from ui.shell.page import CONTEXT

GOOD_TYPED = "0, 1, 0.5, -1"
GOOD_CSV = b"a,b\n1,2\n3,4\n5,6\n"


def messages(at) -> str:
    """Every message on screen (main area and sidebar), as a student reads it."""
    return read(" ".join(e.value for e in [*at.error, *at.warning, *at.info, *at.caption]))


def shown(at):
    """The view the pages showed in the last run."""
    return at.session_state[CONTEXT]


def encoded(net: Network) -> str:
    return layouts.encode(net)


def f32(net: Network) -> Network:
    """The same model with float32 weights: a link carries them at 4 bytes each (Streamlit reads
    query strings up to 512 K characters, so big models travel as float32 or not at all)."""
    sd = {k: v.astype(np.float32).astype(np.float64) for k, v in net.state_dict().items()}
    return Network.from_state_dict(sd, net.cell)


# ---- links ----------------------------------------------------------------------------

BIG = 8 * 1024
LINKS = [
    # (query, words the student reads, session key -> value the app uses instead)
    ({"t": "abc"}, ["t=abc", "Shown instead: t=1."], {"step": 0}),
    ({"t": "0"}, ["t=0"], {"step": 0}),
    ({"t": "-3"}, ["t=-3"], {"step": 0}),
    ({"t": "501"}, ["t=501"], {"step": 0}),
    ({"t": "1.5"}, ["t=1.5"], {"step": 0}),
    ({"t": ""}, ["t="], {"step": 0}),
    ({"t": "45"}, ["t=45", "shows t=40"], {"step": 39}),
    ({"t": "45", "lang": "zh"}, ["t=45", "超出了当前模型或输入的范围"], {"step": 39}),
    ({"layer": "0"}, ["layer=0"], {"view_layer": 1}),
    ({"layer": "9"}, ["layer=9"], {"view_layer": 1}),
    ({"layer": "3"}, ["layer=3", "shows layer=1"], {"view_layer": 1}),
    ({"layers": "2", "layer": "3"}, ["layer=3", "shows layer=2"], {"view_layer": 2}),
    ({"unit": "9"}, ["unit=9", "shows unit=4"], {"view_unit": 4}),
    ({"unit": "300"}, ["unit=300"], {"view_unit": 1}),
    ({"unit": "x"}, ["unit=x"], {"view_unit": 1}),
    ({"layers": "0"}, ["layers=0"], {"num_layers": 1}),
    ({"layers": "5"}, ["layers=5"], {"num_layers": 1}),
    ({"layers": "two"}, ["layers=two"], {"num_layers": 1}),
    ({"h1": "0"}, ["h1=0"], {"hidden_size": 4}),
    ({"h1": "17"}, ["h1=17"], {"hidden_size": 4}),
    ({"h1": "-3"}, ["h1=-3"], {"hidden_size": 4}),
    ({"layers": "2", "h2": "99"}, ["h2=99"], {"hidden_size_l2": 4}),
    ({"seed": "-1"}, ["seed=-1"], {"seed": 0}),
    ({"seed": "abc"}, ["seed=abc"], {"seed": 0}),
    ({"seed": str(2**31)}, ["seed=2147483648"], {"seed": 0}),
    ({"scale": "nan"}, ["scale=nan"], {"weight_scale": 1.0}),
    ({"scale": "inf"}, ["scale=inf"], {"weight_scale": 1.0}),
    ({"scale": "-1"}, ["scale=-1"], {"weight_scale": 1.0}),
    ({"fbias": "6"}, ["fbias=6"], {"forget_bias": 1.0}),
    ({"input": "xyz"}, ["input=xyz"], {"input_kind": "sine"}),
    ({"input": "<script>alert(1)</script>"}, ["input=<script>"], {"input_kind": "sine"}),
    ({"T": "0"}, ["T=0"], {"seq_len": 40}),
    ({"T": "501"}, ["T=501"], {"seq_len": 40}),
    ({"amp": "1e308"}, ["amp=1e308"], {"amplitude": 1.0}),
    ({"period": "0"}, ["period=0"], {"period": 20.0}),
    ({"onset": "0"}, ["onset=0"], {"onset": 5}),
    ({"dec": "9"}, ["dec=9"], {"digits": 2}),
    ({"lang": "fr"}, ["lang=fr"], {"lang": "en"}),
    ({"cell": "gruu"}, ["cell=gruu"], {"cell_kind": "lstm"}),
    ({"cell": "LSTM"}, ["cell=LSTM"], {"cell_kind": "lstm"}),
    ({"w": "garbage!!"}, ["w=garbage!!"], {weights.CUSTOM: None}),
    ({"w": "AAAA"}, ["w=AAAA"], {weights.CUSTOM: None}),
    ({"w": encoded(Network.random(1, [2]))[:-12]}, ["w="], {weights.CUSTOM: None}),
    ({"w": encoded(Network.random(1, [2] * 9))}, ["9 layer(s)", "up to 8 layers"], {weights.CUSTOM: None}),
    (
        {"w": encoded(f32(Network.random(1, [257], "rnn")))},
        ["257 hidden units", "256 hidden units"],
        {weights.CUSTOM: None},
    ),
    ({"w": encoded(Network.random(1100, [1]))}, ["1100 input(s)", "1024 inputs"], {weights.CUSTOM: None}),
    ({"ov": "garbage"}, ["ov=garbage"], {weights.OVERRIDES: []}),
    ({"ov": "q.1.1.1-.all"}, ["ov=q.1.1.1-.all"], {weights.OVERRIDES: []}),
    ({"ov": "z.1.1.1-.all"}, ["no gate z", "i, f, g, o"], {weights.OVERRIDES: []}),  # a GRU's gate on an LSTM
    ({"ov": "f.9.1.1-.all"}, ["no longer fit"], {weights.OVERRIDES: []}),
    ({"ov": "f.1.1.1-.all", "cell": "rnn"}, ["no longer fit"], {weights.OVERRIDES: []}),
    ({"foo": "1"}, ["“foo”", "ignored"], {}),
    ({"utm_source": "mail", "t": "3"}, ["“utm_source”"], {"step": 2}),
    (
        {"input": "typed", "data": "1," * (BIG // 2 + 10)},
        ["data=1,1,1"],
        {"typed_numbers": "0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5, 0"},
    ),
    ({"wsrc": "edited"}, ["too big to travel in a link"], {weights.LABEL: ""}),
    # what is shown instead, said in words where the value is empty or on/off; what a code looks like
    # a bad class code gets the live class's own message (a box to type it again), not the link notice
    ({"join": ""}, ["not a class code", "4 to 8 letters and digits", "works on its own"], {}),
    ({"join": "abc!"}, ["not a class code", "Type it again below"], {"class_join": ""}),
    ({"join": "abc!", "lang": "zh"}, ["这不是课堂代码", "4 到 8 个字母和数字"], {"class_join": ""}),
    (
        {"hide": "everything"},
        ["hide=everything", "Shown instead: every part of the page."],
        {"hide_parts": []},
    ),
    ({"wsrc": "x" * 300}, ["wsrc=xxx", "Shown instead: no name for the weights."], {weights.LABEL: ""}),
    ({"present": "2"}, ["present=2", "Shown instead: presenter mode off."], {"present": False}),
    ({"present": "2", "lang": "zh"}, ["present=2", "改为显示：演示模式关闭。"], {"present": False}),
    ({"ov": "nonsense"}, ["ov=nonsense", "Shown instead: no forced gates."], {weights.OVERRIDES: []}),
    ({"w": "AAAA"}, ["Shown instead: the sidebar's random model."], {weights.CUSTOM: None}),
    ({"seed": "x"}, ["seed=x", "Shown instead: seed=0."], {"seed": 0}),
    # silently ignored before
    ({"chapter": "5"}, ["lesson chapter 5", "only the Lesson page shows"], {"lesson_chapter": 4}),
    ({"chapter": "5", "lang": "zh"}, ["课程第 5 章"], {"lesson_chapter": 4}),
    ({"teach": "s3cret"}, ["teacher's key (teach=)", "no class code (join=)"], {"class_teach": ""}),
    ({"teach": "s3cret", "lang": "zh"}, ["老师密钥（teach=）"], {"class_teach": ""}),
    (
        {"w": encoded(Network.random(1, [2], "gru", seed=1)), "ov": "f.1.1.1-.all"},  # a GRU has no f
        ["forces gates (f.1.1.1-.all)", "its own weights (GRU)", "without forced gates"],
        {weights.OVERRIDES: []},
    ),
    (
        {"w": encoded(Network.random(1, [2], seed=1)), "ov": "f.1.1.1-.9"},  # unit 9 of a 2-unit LSTM
        ["forces gates (f.1.1.1-.9)", "its own weights (LSTM)"],
        {weights.OVERRIDES: []},
    ),
    (
        {"w": encoded(Network.random(1, [2], "gru", seed=1)), "ov": "f.1.1.1-.all", "lang": "zh"},
        ["链接强制的门（f.1.1.1-.all）", "（GRU）"],
        {weights.OVERRIDES: []},
    ),
]


@pytest.mark.parametrize("query, words, used", LINKS, ids=[str(i) for i in range(len(LINKS))])
def test_bad_link_values_fall_back_with_a_notice(query, words, used):
    at = make_app(query)
    assert not at.exception
    text = messages(at)
    for w in words:
        assert w in text, (w, text[:400])
    for key, value in used.items():
        assert at.session_state[key] == value, key
    assert len(text) < 2000  # a long value is quoted short
    at.run()
    assert not at.warning or all("forced" not in w.value for w in at.warning)  # notices are shown once


def lesson_link(query: dict):
    """A link to the Lesson page, opened there (as the browser opens /lesson?…)."""
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    at = AppTest.from_file(APP, default_timeout=30)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page("pages/lesson.py")
    return at.run()


def test_a_lesson_chapter_says_its_own_value_replaced_a_bad_one():
    at = lesson_link({"chapter": "2", "rho": "999"})
    assert at.session_state["vg_rho"] == 0.5  # chapter 2 sets the spectral radius up
    assert "rho=999" in messages(at) and "Shown instead: the chapter's rho=0.5." in messages(at)
    assert "only the Lesson page" not in messages(at)  # the chapter is on its own page here


def test_a_rejected_typed_input_leaves_the_last_good_one_in_the_link_and_a_reload_shows_it():
    at = make_app({"input": "typed", "data": GOOD_TYPED})
    at.sidebar.text_area(key="typed_numbers").input("1, two, 3").run()
    assert "'two' is not a number" in read(" ".join(e.value for e in at.sidebar.error))
    link = dict(at.query_params)
    assert link["data"] == GOOD_TYPED and link["input"] == "typed"
    reloaded = make_app(link)
    assert not reloaded.error and shown(reloaded).cfg.input.text == GOOD_TYPED
    at.sidebar.text_area(key="typed_numbers").input("2, 3").run()  # a good one is written at once
    assert at.query_params["data"] == "2, 3"


def test_a_typed_input_rejected_from_the_start_puts_the_signal_shown_in_the_link():
    at = make_app({"input": "typed", "data": "banana"})
    assert "'banana' is not a number" in read(" ".join(e.value for e in at.sidebar.error))
    assert at.query_params["input"] == "sine" and "data" not in at.query_params
    assert at.session_state["typed_numbers"] == "banana"


def test_predict_on_a_one_step_input_says_why_it_cannot_ask():
    at = make_app({"input": "typed", "data": "0.5"})
    at.toggle(key="predict_mode").set_value(True).run()
    assert "single step" in " ".join(i.value for i in at.info)
    assert not [b for b in at.button if b.key == "predict_restart"]  # going back would ask nothing either


def test_repeated_link_parameter_is_named_and_the_last_one_used():
    at = make_app()
    at.query_params["t"] = ["2", "7"]
    at2 = make_app({"seed": "3"})
    assert not at2.warning
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["t"] = ["2", "7"]
    app.run()
    assert "gives t 2 times" in messages(app)
    assert app.session_state["step"] == 6


def test_a_link_with_an_8_layer_256_unit_model_opens():
    net = f32(Network.random(3, [256] + [4] * 7, "rnn", seed=1))
    at = make_app({"w": encoded(net), "layer": "1", "unit": "256"})
    assert not at.exception and not at.error
    assert shown(at).unit == 255 and shown(at).cfg.hidden == (256,) + (4,) * 7
    assert at.sidebar.number_input(key="view_unit").value == 256


# ---- typed numbers -------------------------------------------------------------------

TYPED_BAD = [
    ("banana", "'banana' is not a number"),
    ("1,,2", "Number 2 is empty"),
    ("1;;2", "Number 2 is empty"),
    (",,,", "Number 1 is empty"),
    ("1_000", "'1_000' is not a number"),
    ("1e308", "too large"),
    ("-1e7", "too large"),
    ("1000001", "too large"),
    ("nan", "not a finite number"),
    ("inf", "not a finite number"),
    ("-Infinity", "not a finite number"),
    ("", "No numbers found"),
    ("   \n  ", "No numbers found"),
    ("0x10", "'0x10' is not a number"),
    ("1, 2, abc", "Number 3: 'abc'"),
    ("1.2.3", "'1.2.3' is not a number"),
    ("--1", "'--1' is not a number"),
    ("1e", "'1e' is not a number"),
    ("∞", "'∞' is not a number"),
    ("½", "is not a number"),
    ("9" * 100_000, "(100,000 characters)"),
    ("1, 2, " + "x" * 5000, "(5,000 characters)"),
]


@pytest.mark.parametrize("text, words", TYPED_BAD, ids=[str(i) for i in range(len(TYPED_BAD))])
def test_bad_typed_numbers_keep_the_last_good_input(text, words):
    at = make_app({"input": "typed", "data": GOOD_TYPED})
    at.sidebar.text_area(key="typed_numbers").input(text).run()
    assert not at.exception
    err = read(" ".join(e.value for e in at.sidebar.error))
    assert words in err, err[:300]
    assert len(err) < 600  # the number is quoted short, never whole
    assert shown(at).cfg.input.text == GOOD_TYPED  # the pages still show the last good input
    assert at.query_params["data"] == GOOD_TYPED  # the address bar and the share link too: a reload shows it
    assert at.session_state["typed_numbers"] == text  # the rejected text stays in its box


TYPED_GOOD = [
    ("１，２，３", [1, 2, 3]),  # full-width digits and commas
    ("１２．５；－３", [12.5, -3]),
    ("1、2、3", [1, 2, 3]),  # the ideographic comma
    ("−0.5, 1", [-0.5, 1]),  # the minus sign the app itself prints
    ("1 2\t3\n4", [1, 2, 3, 4]),
    ("1, 2, 3,", [1, 2, 3]),
    ("1 , 2 ;3", [1, 2, 3]),
    ("1e-400, 2", [0, 2]),
    ("+1, .5, 5., 1E2", [1, 0.5, 5, 100]),
]


@pytest.mark.parametrize("text, values", TYPED_GOOD, ids=[str(i) for i in range(len(TYPED_GOOD))])
def test_unusual_but_good_typed_numbers_are_read(text, values):
    at = make_app({"input": "typed", "data": GOOD_TYPED})
    at.sidebar.text_area(key="typed_numbers").input(text).run()
    assert not at.exception and not at.sidebar.error
    from ui.shell.engine import build_input

    np.testing.assert_allclose(build_input(shown(at).cfg.input)[0][:, 0], values)


def test_more_than_500_typed_numbers_are_cut_with_a_warning_and_the_link_stays_short():
    at = make_app({"input": "typed", "data": GOOD_TYPED})
    at.sidebar.text_area(key="typed_numbers").input(", ".join(["0.5"] * 100_000)).run()
    assert "100000 timesteps" in " ".join(w.value for w in at.sidebar.warning)
    assert "data" not in at.query_params  # a 500 KB address bar fails with HTTP 400
    assert sum(len(k) + len(v) + 2 for k, v in at.query_params.items()) < BIG
    at.switch_page("pages/weights.py").run()  # the share box (in the sidebar here) says so
    assert "too long for a link" in " ".join(w.value for w in at.sidebar.warning)


# ---- CSV files -----------------------------------------------------------------------

CSV_BAD = [
    (b"", "The CSV file is empty"),
    (b"\n\n  \n", "The CSV file is empty"),
    (b"a,b\n", "a header but no rows"),
    (b"a,b\n1,2\n3\n", "Line 3 has 1 values"),
    (b"a,b\n1,2\n3,banana\n", "Line 3, column 2: 'banana'"),
    (b"a,b\n1,2\n3,1e308\n", "too large"),
    (b"a,b\n1,2\n3,nan\n", "not a finite number"),
    (b"a,b,c\n1,,2\n", "Line 2, column 2 is empty"),
    (b"a,b\n1,1_000\n", "'1_000' is not a number"),
    (",".join(["1"] * 5000).encode() + b"\n", "5,000 columns"),
    (b"\xff\xfe\x00\x01binary", "not UTF-8 text"),
    (b"1,2\n" * 300_000, "1 MB"),
]


@pytest.mark.parametrize("data, words", CSV_BAD, ids=[str(i) for i in range(len(CSV_BAD))])
def test_bad_csv_files_keep_the_last_good_input(data, words):
    at = make_app({"input": "csv"})
    at.sidebar.file_uploader(key="csv_upload").upload("good.csv", GOOD_CSV, "text/csv").run()
    good = shown(at).cfg.input
    assert good.text == GOOD_CSV.decode()
    at.sidebar.file_uploader(key="csv_upload").upload("bad.csv", data, "text/csv").run()
    assert not at.exception
    err = read(" ".join(e.value for e in at.sidebar.error))
    assert words in err, err[:300]
    assert shown(at).cfg.input == good


CSV_GOOD = [
    (b"a;b\n1;2\n3;4\n", (2, 2)),
    (b"a\tb\n1\t2\n3\t4\n", (2, 2)),
    (b"\xef\xbb\xbfa,b\r\n1,2\r\n3,4\r\n", (2, 2)),  # BOM and Windows line ends
    ("x\n１\n２\n".encode(), (2, 1)),  # full-width digits
    (b"1,2\n3,4\n", (2, 2)),  # no header
    (b"a,b\n" + b"1,2\n" * 700, (500, 2)),  # cut to 500 steps, with a warning
    (("n" * 200 + ",b\n1,2\n").encode(), (1, 2)),  # a very long column name
]


@pytest.mark.parametrize("data, shape", CSV_GOOD, ids=[str(i) for i in range(len(CSV_GOOD))])
def test_unusual_but_good_csv_files_are_read(data, shape):
    at = make_app({"input": "csv"})
    at.sidebar.file_uploader(key="csv_upload").upload("x.csv", data, "text/csv").run()
    assert not at.exception and not at.sidebar.error
    from ui.shell.engine import build_input

    assert build_input(shown(at).cfg.input)[0].shape == shape


# ---- weight files --------------------------------------------------------------------


def npz(arrays: dict, **kw) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays, **kw)
    return buf.getvalue()


def lstm_sd(H=3, D=1, cell="lstm"):
    return Network.random(D, [H], cell, seed=2).state_dict()


def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
    return buf.getvalue()


def _pickled() -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.array([{"evil": 1}], dtype=object), allow_pickle=True)
    return zip_of({"weight_ih_l0.npy": buf.getvalue()})


WEIGHTS_BAD = [
    ("notes.npz", b"just some text", ["not a valid .npz"]),
    ("empty.npz", zip_of({}), ["not a valid .npz"]),
    (
        "members.npz",
        zip_of({"weight_ih_l0.npy": b"hello"}),
        ["“weight_ih_l0” in members.npz is not a NumPy array"],
    ),
    ("evil.npz", _pickled(), ["never unpickles"]),
    ("text.npz", npz({"weight_ih_l0": np.array(["a", "b"])}), ["weights must be numbers"]),
    ("nan.npz", npz(lstm_sd() | {"bias_hh_l0": np.full(12, np.nan)}), ["NaN or infinity"]),
    ("huge.npz", npz(lstm_sd() | {"bias_hh_l0": np.full(12, 1e7)}), ["up to ±1e6"]),
    (
        "half_gru.npz",  # a GRU's W_hh with an LSTM's W_ih
        npz(lstm_sd(H=3) | {"weight_hh_l0": np.zeros((9, 3))}),
        ["weight_hh_l0 has shape (9, 3)", "the rest of layer 1 is nn.LSTM with hidden size 3", "(12, 3)"],
    ),
    (
        "shape.npz",
        npz(lstm_sd(H=3) | {"weight_hh_l0": np.zeros((10, 5))}),
        ["wrong shape for every cell kind", "nn.LSTM (20, 5), nn.GRU (15, 5), nn.RNN (5, 5)"],
    ),
    (
        "named.npz",  # an LSTM by its name, a GRU of 4 units by its shapes
        npz({"lstm." + k: v for k, v in (lstm_sd(H=3) | {"weight_hh_l0": np.zeros((12, 4))}).items()}),
        ["calls its layer “lstm.” (nn.LSTM)", "nn.GRU with hidden size 4", "nothing was imported"],
    ),
    (
        "no_layer_1.npz",  # layers 0 and 2, no 1
        npz({k: v for k, v in Network.random(1, [2] * 3, seed=1).state_dict().items() if "_l1" not in k}),
        ["Layer 2 of 3 is incomplete", "missing: weight_ih_l1, weight_hh_l1, bias_ih_l1, bias_hh_l1"],
    ),
    (
        "keras_rec.npz",  # a Keras LSTM whose recurrent kernel has a row too many
        npz(
            {
                "lstm/kernel": np.zeros((1, 12)),
                "lstm/recurrent_kernel": np.zeros((4, 12)),
                "lstm/bias": np.zeros(12),
            }
        ),
        ["lstm/recurrent_kernel has shape (4, 12)", "LSTM with hidden size 3", "(3, 12)"],
    ),
    (
        "nobias.npz",
        npz({k: v for k, v in lstm_sd().items() if k != "bias_hh_l0"}),
        ["Layer 1 of 1 is incomplete; missing: bias_hh_l0"],
    ),
    ("bi.npz", npz(lstm_sd() | {"weight_ih_l0_reverse": np.zeros((12, 1))}), ["Bidirectional"]),
    ("deep.npz", npz(Network.random(1, [2] * 9).state_dict()), ["9 layer(s)", "previous model is kept"]),
    ("wide.npz", npz(Network.random(1, [300]).state_dict()), ["300 hidden units"]),
    ("inputs.npz", npz(Network.random(1100, [1]).state_dict()), ["1100 input(s)"]),
    ("other.npz", npz({"conv.weight": np.zeros((3, 3))}), ["No recurrent weights found"]),
    ("x.safetensors", b"\x00\x01garbage", ["not a valid .safetensors"]),
]


@pytest.mark.parametrize("name, data, words", WEIGHTS_BAD, ids=[w[0] for w in WEIGHTS_BAD])
def test_bad_weight_files_leave_the_model_as_it_was(name, data, words):
    at = make_app(page="weights")
    at.segmented_control(key="edit_gate").set_value("f").run()
    at.slider(key="bias_f").set_value(2.0).run()
    before = at.session_state[weights.CUSTOM]
    at.file_uploader(key="weights_upload").upload(name, data).run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "weights_import"]  # nothing to confirm
    text = read(" ".join(e.value for e in at.error))
    for w in words:
        assert w in text, (w, text[:300])
    assert at.session_state[weights.CUSTOM] == before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_found_model_names_its_framework_and_kind_as_written(lang):
    at = make_app({"lang": lang}, page="weights")
    at.file_uploader(key="weights_upload").upload("m.npz", npz(lstm_sd(H=3))).run()
    found = " ".join(s.value for s in at.success)
    assert {"en": "Found PyTorch weights (LSTM)", "zh": "找到 PyTorch 权重（LSTM）"}[lang] in found


def test_keras_weights_import_and_say_where_the_single_bias_went():
    H = 3
    kernel, rec, bias = np.ones((1, 4 * H)) * 0.1, np.eye(H, 4 * H) * 0.2, np.arange(4 * H) / 10
    data = npz({"lstm/kernel": kernel, "lstm/recurrent_kernel": rec, "lstm/bias": bias})
    at = make_app(page="weights")
    at.file_uploader(key="weights_upload").upload("keras.npz", data).run()
    assert "puts it in b_ih and sets b_hh = 0" in " ".join(i.value for i in at.info)
    at.button(key="weights_import").click().run()
    net = layouts.decode(at.session_state[weights.CUSTOM])
    np.testing.assert_array_equal(net.layers[0].b_ih, bias)
    np.testing.assert_array_equal(net.layers[0].b_hh, 0.0)


def test_a_32_unit_import_can_be_looked_at_unit_by_unit():
    at = make_app(page="weights")
    sd = Network.random(1, [32], seed=4).state_dict()
    at.file_uploader(key="weights_upload").upload("m.safetensors", save_safetensors(sd)).run()
    at.button(key="weights_import").click().run()
    assert "1 layer(s) of 32 hidden units" in " ".join(m.value for m in at.sidebar.markdown)
    at.sidebar.number_input(key="view_unit").set_value(32).run()
    assert shown(at).unit == 31 and not at.exception


# ---- UCR files -----------------------------------------------------------------------

TRAIN = b"1\t0.1\t0.2\t0.3\n2\t0.3\t0.1\t0.0\n1\t0\t0\t0.1\n2\t1\t1\t0.9\n"
TEST = b"1\t0.1\t0.2\t0.2\n2\t0.9\t0.8\t0.7\n"
UCR_BAD = [
    (b"", TEST, "the train file is empty"),
    (b"1\t0.1\t0.2\n2\t0.3\n", TEST, "line 2 has 1 values"),
    (b"1\t0.1\tx\n2\t0.3\t0.1\n", TEST, "line 1, column 3: 'x'"),
    (b"1\t0.1\t0.2\t0.3\n1\t0.2\t0.2\t0.2\n", TEST, "only one class"),
    (TRAIN, b"3\t0.1\t0.2\t0.3\n", "classes the train file never shows: '3'"),
    (TRAIN, b"1\t0.1\t0.2\n", "test series have 2 values"),
    (b"1\t0.1\t1e308\t0\n2\t0\t0\t0\n", TEST, "too large"),
    (b"1\n2\n", TEST, "has a label but no values"),
    (b"x" * 50 + b"\t1\t2\t3\n", TEST, "too long (40 characters at most)"),
    (b"\xff\xfe\x00binary", TEST, "not UTF-8 text"),
    (b"1\t" + b"\t".join([b"0.5"] * 3000) + b"\n", TEST, "series of up to 2000"),
]


@pytest.mark.parametrize("train, test, words", UCR_BAD, ids=[str(i) for i in range(len(UCR_BAD))])
def test_bad_ucr_files_get_a_message_and_keep_the_last_result(train, test, words):
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload("train.tsv", train, "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("test.tsv", test, "text/plain").run()
    assert not at.exception
    err = read(" ".join(e.value for e in at.error))
    assert words in err, err[:300]
    assert not [b for b in at.button if b.key == "clf_train"]


def test_ucr_labels_that_are_words_become_classes_and_z_normalise_is_on():
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    assert at.checkbox(key="clf_znorm").value  # archive files are meant to be z-normalised

    def named(data: bytes) -> bytes:  # the label of each line (its first cell) as a word
        return b"\n".join({b"1": b"cat", b"2": b"dog"}[ln[:1]] + ln[1:] for ln in data.splitlines()) + b"\n"

    at.file_uploader(key="clf_ucr_train").upload("train.tsv", named(TRAIN), "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("test.tsv", named(TEST), "text/plain").run()
    assert not at.error, [e.value for e in at.error]
    assert "2 classes" in " ".join(c.value for c in at.caption)
    at.slider(key="clf_epochs_ucr").set_value(2).run()
    at.button(key="clf_train").click().run(timeout=60)
    assert at.session_state[RESULT]["names"] == ("cat", "dog")
    at.selectbox(key="clf_task").set_value("shapes").run()
    assert not at.checkbox(key="clf_znorm").value


def test_leaving_classify_keeps_the_data_the_files_and_the_settings():
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload("train.tsv", TRAIN, "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("test.tsv", TEST, "text/plain").run()
    at.slider(key="clf_epochs_ucr").set_value(3).run()
    at.slider(key="clf_hidden").set_value(6).run()
    at.switch_page("pages/cell.py").run()
    at.switch_page("pages/classify.py").run()
    assert at.selectbox(key="clf_task").value == "ucr"
    assert at.slider(key="clf_epochs_ucr").value == 3 and at.slider(key="clf_hidden").value == 6
    assert "2 classes" in " ".join(c.value for c in at.caption)  # the files are still there
    at.button(key="clf_train").click().run(timeout=60)
    assert len(at.session_state[RESULT]["history"]) == 3


def test_pickle_is_never_loaded_even_when_named_like_a_model():
    data = pickle.dumps({"weight_ih_l0": [1.0]})
    at = make_app(page="weights")
    at.file_uploader(key="weights_upload").upload("model.npz", data).run()
    assert "not a valid .npz" in " ".join(e.value for e in at.error)


# ---- a value from outside is data, never markup ---------------------------------------------
# Every place a link value, a file name, typed text or an imported label is echoed is fed Markdown,
# HTML, a remote image and a live link (each payload under the 40 characters a message quotes), in
# both languages; every text a Markdown-rendering element would draw is parsed as CommonMark and must
# hold no link, image, HTML, emphasis or code from the payload. The URLs point nowhere (port 9).

PAYLOADS = (
    "![i](http://127.0.0.1:9/i.png) **PWN**",
    "[PWN](http://127.0.0.1:9/a)_PWN_:red[x]",
    "<img src=http://127.0.0.1:9/h.png>`PWN`",
    "http://127.0.0.1:9/PWN www.PWN.example",
)
AUTOLINK = re.compile(r"(https?://|www\.)[-.\w]*(127\.0\.0\.1|PWN)", re.IGNORECASE)
MARKUP_FIELDS = ("body", "label", "help", "placeholder", "caption")


def _texts(msg, out: list[str]) -> list[str]:
    """Every string a Markdown-rendering element draws, from a proto message and the ones inside it."""
    for fd, value in msg.ListFields():
        if fd.message_type is not None:
            for m in [value] if hasattr(value, "ListFields") else value:  # one message, or repeated
                _texts(m, out)
        elif fd.name in MARKUP_FIELDS and isinstance(value, str):
            out.append(value)
    return out


def markdown_sources(at) -> list[str]:
    out: list[str] = []
    nodes = [at._tree]
    while nodes:
        node = nodes.pop()
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(node, "type", "") not in ("bidi_component", "plotly_chart"):
            _texts(proto, out)
        nodes.extend(getattr(node, "children", {}).values())
    return out


def payload_markup(sources: list[str]) -> list[str]:
    """What the payload made of the app's own text: links, images, HTML, emphasis, code, bare URLs."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    found = []
    for src in sources:
        if ":red[" in src or AUTOLINK.search(
            re.sub(r"\\(.)", r"\1", src)
        ):  # GFM finds bare links after escapes
            found.append(f"unescaped in {src[:120]!r}")
        tokens = [c for tok in md.parse(src) for c in ([tok] + (tok.children or []))]
        for i, tok in enumerate(tokens):
            if tok.type in ("link_open", "image") and "127.0.0.1" in str(tok.attrs):
                found.append(f"{tok.type} {tok.attrs}")
            elif tok.type in ("html_inline", "html_block") and (
                "127.0.0.1" in tok.content or "PWN" in tok.content
            ):
                found.append(f"html {tok.content!r}")
            elif tok.type == "code_inline" and "PWN" in tok.content:
                found.append(f"code {tok.content!r}")
            elif tok.type in ("strong_open", "em_open", "s_open"):
                inner = tokens[i + 1].content if i + 1 < len(tokens) else ""
                if "PWN" in inner:
                    found.append(f"{tok.type} {inner!r}")
    return found


def small_model() -> str:
    return encoded(Network.random(1, [2], "gru", seed=1))


LINK_CHANNELS = [
    *[{f: None} for f in ("t", "layer", "unit", "layers", "h1", "seed", "scale", "fbias", "input", "T")],
    *[{f: None} for f in ("amp", "period", "onset", "dec", "rho", "w", "ov", "cell", "chapter")],
    *[{f: None} for f in ("present", "hide", "join", "teach", "wsrc")],
    {"input": "typed", "data": None},
    {None: "1"},  # an unknown parameter's name
    {"w": small_model(), "wsrc": None},  # the custom weights' label: badge, sidebar, "Showing:" line
    {"w": small_model(), "wsrc": "import:{}"},
    {"w": small_model(), "wsrc": "preset:{}"},
    {"w": small_model(), "ov": None},
]


def _link(channel: dict, payload: str) -> dict:
    q = {}
    for k, v in channel.items():
        if k is None:
            q[payload] = v
        elif v is None:
            q[k] = payload
        else:
            q[k] = v.format(payload) if "{}" in v else v
    return q


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
@pytest.mark.parametrize("channel", LINK_CHANNELS, ids=[",".join(map(str, c)) for c in LINK_CHANNELS])
def test_a_link_value_is_shown_as_text_never_as_markup(channel, payload, lang):
    query = _link(channel, payload) | {"lang": lang}
    at = make_app(query)
    assert not at.exception
    found = payload_markup(markdown_sources(at))
    assert not found, found
    if "wsrc" in channel:  # the label is on screen, escaped, where it used to draw the payload
        at.switch_page("pages/cell.py").run()
        assert not payload_markup(markdown_sources(at))


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_the_language_link_value_is_shown_as_text(payload):
    at = make_app({"lang": payload})
    assert "lang=" in messages(at) and not payload_markup(markdown_sources(at))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_typed_text_is_quoted_as_text(payload, lang):
    at = make_app({"input": "typed", "data": GOOD_TYPED, "lang": lang})
    at.sidebar.text_area(key="typed_numbers").input(f"1, {payload}").run()
    assert at.sidebar.error  # the bad number is quoted ...
    assert not payload_markup(markdown_sources(at))  # ... as the characters it is


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_file_names_and_member_names_are_quoted_as_text(payload, lang):
    at = make_app({"input": "csv", "lang": lang})
    at.sidebar.file_uploader(key="csv_upload").upload(f"{payload}.csv", GOOD_CSV, "text/csv").run()
    at.sidebar.file_uploader(key="csv_upload").clear().run()  # "Using NAME, uploaded earlier"
    assert payload.split()[0][:10] in read(" ".join(c.value for c in at.sidebar.caption))
    assert not payload_markup(markdown_sources(at))
    at.sidebar.file_uploader(key="csv_upload").upload(
        "x.csv", f"a\n1\n{payload}\n".encode(), "text/csv"
    ).run()
    assert at.sidebar.error and not payload_markup(markdown_sources(at))
    at.switch_page("pages/weights.py").run()
    extra = zip_of({f"{payload}.npy": b"hello"})
    at.file_uploader(key="weights_upload").upload(f"{payload}.npz", extra).run()
    assert at.error and not payload_markup(markdown_sources(at))  # a member that is no array, named
    ignored = npz(lstm_sd() | {payload.replace("/", "_"): np.zeros(2)})
    at.file_uploader(key="weights_upload").upload(f"{payload}.npz", ignored).run()
    assert "imported" not in messages(at)
    assert not payload_markup(markdown_sources(at))  # the ignored member's name
    at.button(key="weights_import").click().run()
    at.switch_page("pages/cell.py").run()  # "imported from NAME" in the badge, sidebar, "Showing:"
    assert payload.split()[0][:10] in read(" ".join(m.value for m in [*at.markdown, *at.info, *at.caption]))
    assert not payload_markup(markdown_sources(at))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ucr_file_names_and_labels_are_quoted_as_text(lang):
    label = "**PWN**[x](http://127.0.0.1:9/u)"  # a label is one cell: no spaces
    at = make_app({"lang": lang}, page="classify")
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload(f"{PAYLOADS[0]}.tsv", TRAIN, "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload(f"{PAYLOADS[1]}.tsv", f"{label}\t1\t2\t3\n".encode()).run()
    assert at.error and not payload_markup(markdown_sources(at))  # a class the train file never shows
    at.file_uploader(key="clf_ucr_test").upload(f"{PAYLOADS[1]}.tsv", TEST, "text/plain").run()
    at.switch_page("pages/cell.py").run()
    at.switch_page("pages/classify.py").run()  # "Using NAME and NAME, uploaded earlier"
    assert not payload_markup(markdown_sources(at))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrong_join_codes_are_limited_and_the_student_is_told_when_to_try_again(monkeypatch, lang):
    import live.store as live_store

    monkeypatch.setattr(live_store, "_STORE", live_store.MemoryStore())  # this test's own counts
    for _ in range(live_store.WRONG_CODES - 1):
        at = make_app({"join": "QQQQQQ", "lang": lang})
        assert {"en": "No live class has the code QQQQQQ", "zh": "没有代码为 QQQQQQ 的实时课堂"}[
            lang
        ] in messages(at)
    code, _ = live_store.store().create()
    at = make_app({"join": "QQQQQQ", "lang": lang})  # the last wrong code of the window
    words = {
        "en": ["too many wrong class codes", "try again in 5 minute(s)", "such as CAT4YM"],
        "zh": ["5 分钟后再试"],
    }
    for w in words[lang]:
        assert w in messages(at), messages(at)
    at = make_app({"join": code, "lang": lang})  # even a right code waits: a script cannot tell them apart
    assert "try again in" in messages(at) or "分钟后再试" in messages(at)
    assert at.session_state["class_join"] == "" and "_class" not in [k for k in at.session_state]
