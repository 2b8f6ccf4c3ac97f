"""Every sentence true: numeric claims in the texts checked against the maths, one
vocabulary (ui/glossary.py) in the Chinese strings, one notation."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.app.conftest import make_app
from ui.glossary import AVOID_ZH, GLOSSARY
from ui.strings import STRINGS
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
    at = make_app({"lang": "zh", "t": "3"})
    md = " ".join(m.value for m in at.main.markdown)
    assert re.search(r"\*\*\d+%\*\*", md) and not re.search(r"\d %", md)
    reading = next(m.value for m in at.main.markdown if "这一步发生了什么" in m.value)
    assert "隐藏状态 **hₜ =" in reading and "。 " not in reading


def test_the_code_panel_says_it_is_corrected():
    at = make_app()
    captions = " ".join(c.value for c in at.caption)
    assert "Corrected from the article" in captions and "np.concatenate" in captions
