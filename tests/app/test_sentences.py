"""Every sentence true: numeric claims in the texts checked against the maths, one
vocabulary (ui/shell/glossary.py) in the Chinese strings, one notation."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.app.conftest import make_app
from ui.shell.glossary import AVOID_ZH, GLOSSARY
from ui.shell.strings import STRINGS
from viz.equations import symbolic


def sigma(b: float) -> float:
    return 1 / (1 + np.exp(-b))


def test_no_chinese_string_uses_a_word_the_glossary_replaces():
    bad = [(k, w) for k, v in STRINGS.items() for w in AVOID_ZH if w in v["zh"]]
    assert not bad, bad
    spaced = [k for k, v in STRINGS.items() if "。 " in v["zh"] or re.search(r"\S %", v["zh"])]
    assert not spaced, spaced  # no space after 。 or before % in Chinese
    assert all(len(terms) == 3 for terms in GLOSSARY.values())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_forget_bias_help_quotes_sigma_and_what_ten_steps_keep(lang):
    text = STRINGS["forget_bias_help"][lang]
    for b in (-1, 0, 1, 3, 5):
        f = sigma(b)
        assert f"{f:.3f}".rstrip("0").rstrip(".")[:4] in text or f"{f:.2f}" in text, (b, f)
    for f, kept in re.findall(r"f = (0\.\d+) (?:keeps |保留 ?)(\d+) ?%", text):
        assert round(100 * float(f) ** 10) == int(kept), (f, kept)
    assert len(re.findall(r"f = (0\.\d+) (?:keeps |保留 ?)(\d+) ?%", text)) == 3


def test_a_cell_is_one_layer_of_neurons_and_h_counts_them():
    assert "a cell is one layer of neurons" in STRINGS["hidden_size_help"]["en"]
    assert "一个单元就是一层神经元" in STRINGS["hidden_size_help"]["zh"]
    assert "cells side by side" not in STRINGS["hidden_size_help"]["en"]
    assert STRINGS["unit"]["zh"] == "隐藏单元" and STRINGS["hidden_size_label"]["zh"] == "第 {k} 层隐藏单元数"


def test_one_symbol_for_the_element_wise_product():
    assert r"\odot" in symbolic("lstm") and r"\cdot" not in symbolic("lstm")
    why = STRINGS["why_explain_lstm_keeps"]["en"]
    assert r"\odot" in why


def test_the_chinese_reading_has_no_space_before_percent():
    from tests.app.conftest import stepper

    at = make_app({"lang": "zh", "t": "3"})
    for reading in stepper(at)["payload"]["reading"]:  # every step's
        assert re.search(r"\*\*\d+%\*\*", reading) and not re.search(r"\d %", reading)
        assert "隐藏状态 **hₜ =" in reading and "。 " not in reading


def test_the_code_panel_says_it_is_corrected():
    from tests.app.conftest import stepper

    ui = stepper(make_app())["ui"]  # the code panel is the stepper's: its words come from the server
    assert "Corrected from the article" in ui["code_corrected"] and "np.concatenate" in ui["code_corrected"]


ZH_INPUTS = [
    ("banana", "第 1 个数：'banana' 不是数字。"),
    ("1,,2", "第 2 个数是空的"),
    ("1e308", "太大；Gate Lab 只接受 −1e6 到 1e6 之间的输入"),
    ("", "没有找到数字"),
]


@pytest.mark.parametrize("text, words", ZH_INPUTS)
def test_input_errors_are_said_in_chinese_in_the_chinese_ui(text, words):
    at = make_app({"lang": "zh", "input": "typed", "data": "0, 1"})
    at.sidebar.text_area(key="typed_numbers").input(text).run()
    err = " ".join(e.value for e in at.sidebar.error)
    assert words in err, err
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", err.replace("Gate Lab", "")), err  # no English sentence


def test_csv_ucr_and_weight_file_errors_are_said_in_chinese():
    at = make_app({"lang": "zh", "input": "csv"})
    at.sidebar.file_uploader(key="csv_upload").upload("x.csv", b"a,b\n1,2\n3\n", "text/csv").run()
    assert "第 3 行有 1 个值，应为 2 个" in " ".join(e.value for e in at.sidebar.error)
    at.switch_page("pages/classify.py").run()
    at.selectbox(key="clf_task").set_value("ucr").run()
    at.file_uploader(key="clf_ucr_train").upload("train.tsv", b"1\t0.1\tx\n2\t0.3\t0.1\n", "text/plain").run()
    at.file_uploader(key="clf_ucr_test").upload("test.tsv", b"1\t0.1\t0.2\n", "text/plain").run()
    assert "训练文件第 1 行第 3 列：'x' 不是数字" in " ".join(e.value for e in at.error)
    at.switch_page("pages/weights.py").run()
    at.file_uploader(key="weights_upload").upload("notes.npz", b"just text").run()
    assert "notes\\.npz 不是有效的 .npz 文件" in " ".join(
        e.value for e in at.error
    )  # a file name quoted escaped


def test_every_coded_error_has_its_sentence_in_both_languages():
    """Every code the engine and the file readers raise is in the string table, and an error
    whose parameters do not fit its sentence falls back to its English message."""
    import ast
    from pathlib import Path

    from lstm_core import ParseError
    from ui.shell.errors import say

    root = Path(__file__).resolve().parents[2]
    codes = set()
    for f in [*root.glob("lstm_core/*.py"), root / "ui" / "shell" / "files.py"]:
        for node in ast.walk(ast.parse(f.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "").endswith("Error")
                and len(node.args) > 1
            ):
                if isinstance(node.args[1], ast.Constant):
                    codes.add(node.args[1].value)
    assert len(codes) >= 25
    missing = sorted(c for c in codes if f"err_{c}" not in STRINGS)
    assert not missing, missing
    # no params: fall back to the English, quoted escaped like any text that may hold a value from outside
    assert say(ParseError("plain English.", "not_a_number")) == "plain English\\."


def _faults():
    """Bad weights a student can load or link, each raising a coded engine error."""
    import numpy as np

    from lstm_core import Network, layouts

    good = Network.random(2, [3, 2], seed=0).state_dict()
    link = layouts.encode(Network.random(1, [2], seed=0))
    return {
        "chain": lambda: Network.from_state_dict(good | {"weight_ih_l1": np.zeros((8, 5))}),
        "hh": lambda: Network.from_state_dict(good | {"weight_hh_l0": np.zeros((7, 3))}),
        "nan": lambda: Network.from_state_dict(good | {"bias_ih_l0": np.full(12, np.nan)}),
        "keras": lambda: Network.from_keras([{"kernel": np.zeros((1, 8))}]),
        "link": lambda: layouts.decode(link[:-12]),
        "text": lambda: Network.from_state_dict(good | {"bias_hh_l0": "abc"}),
    }


@pytest.mark.parametrize("fault", sorted(_faults()))
def test_engine_errors_a_student_meets_are_said_in_chinese(fault, monkeypatch):
    """An engine error shown in the 中文 UI is worded from the string table, not in English."""
    import streamlit as st

    from lstm_core import GateLabError
    from ui.shell.errors import say

    with pytest.raises(GateLabError) as info:
        _faults()[fault]()
    assert info.value.code, f"{fault}: {info.value} has no code"
    monkeypatch.setattr(st, "session_state", {"lang": "zh"})
    said = say(info.value)
    assert said != str(info.value) and re.search(r"[\u4e00-\u9fff]", said), said


def test_chinese_names_a_gate_before_its_symbol_and_a_layer_by_its_ordinal():
    """遗忘门 f, not f 遗忘门 (issue 20's 中文 list); the sidebar's layer number reads 第几层, not 层 1."""
    for g, name in {"i": "输入门", "f": "遗忘门", "o": "输出门", "r": "重置门", "z": "更新门"}.items():
        assert STRINGS[f"gate_name_{g}"]["zh"] == f"{name} {g}"
    assert STRINGS["view_layer_label"]["zh"] == "第几层"
    assert "隐藏单元 {u} 的{gate}" in STRINGS["q_gate_half"]["zh"]


def test_a_question_names_a_gate_as_a_sentence_does():
    """ "the forget gate f of unit 1", not "the f forget gate" (the option labels' short form): every
    sigmoid gate of every kind a question can ask about, in both languages."""
    from lstm_core.kinds import KINDS_BY_NAME
    from lstm_core.questions import Question
    from ui.teach.predict import question_text

    words = {"i": "input", "f": "forget", "o": "output", "r": "reset", "z": "update"}
    for name, kind in KINDS_BY_NAME.items():
        for g in kind.sigmoids:
            q = Question("gate_half", 2, ("above", "below"), "above", {}, g)
            assert (
                question_text(q, name)
                == f"At step t = 3, will the {words[g]} gate {g} of unit 1 be above or below 0.5?"
            )
            assert STRINGS[f"q_gate_{g}"]["zh"] == STRINGS[f"gate_name_{g}"]["zh"]


def test_the_chinese_accuracy_delta_starts_with_its_sign():
    """st.metric colours a delta by its first character: the 中文 one must start with the signed number."""
    assert STRINGS["clf_delta_points"]["zh"].startswith("{d}")
    assert STRINGS["clf_delta_points"]["en"].startswith("{d}")
