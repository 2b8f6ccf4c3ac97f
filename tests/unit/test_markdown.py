"""Every sentence of the string tables, rendered as CommonMark (what Streamlit's Markdown follows),
in English and 简体中文: no literal ``**`` left on screen. Bold next to CJK punctuation does not
close (``**答对了：**`` shows its asterisks): CommonMark's flanking rules need the colon outside."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from ui.shell.strings import STRINGS

MD = MarkdownIt("commonmark")


class _Values(dict):
    """Any placeholder gets a short word (the real values are numbers, names and CJK words)."""

    def __missing__(self, key: str) -> str:
        return "7"


def rendered(text: str) -> str:
    try:
        text = text.format_map(_Values())
    except (ValueError, IndexError, AttributeError):
        pass
    html = MD.render(text)
    return re.sub(r"<code>.*?</code>", "", html, flags=re.S)  # code shows what it holds


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_string_shows_literal_asterisks(language):
    raw = [key for key, d in STRINGS.items() if "**" in rendered(d[language])]
    assert raw == []


@pytest.mark.parametrize("placeholder", ["7", "上升", "C 上升"])
def test_the_answer_lines_render_bold_in_chinese_whatever_the_answer(placeholder):
    for key in ("predict_right", "predict_wrong"):
        html = MD.render(STRINGS[key]["zh"].format(said=placeholder, answer=placeholder))
        assert "**" not in html and "<strong>" in html


def test_the_check_sees_the_broken_shape():
    assert "**" in rendered("**答对了：**上升。")  # the shape this test exists to catch
