"""Every sentence the app shows, in English and 简体中文, and ``tx()`` to fetch one.

``tx(key, **values)`` formats the string of the session's language (``tx`` is the
translator everywhere; ``t`` is always a timestep and a ``Trace`` is never ``tx``). A key
that is missing raises KeyError, so a test that renders every page in both
languages finds any string that is not in this table.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator

import streamlit as st

from ui.shell.strings import STRINGS

LANGS = {"en": "English", "zh": "简体中文"}


_SPEAKING: contextvars.ContextVar[str | None] = contextvars.ContextVar("gatelab_speaking", default=None)


def lang() -> str:
    v = _SPEAKING.get() or st.session_state.get("lang", "en")
    return v if v in LANGS else "en"


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """``tx`` (and everything built on it) in ``language`` inside the block, whatever the session's
    language: for words every student of a live class receives at once, in each of the languages."""
    token = _SPEAKING.set(language)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def tx(key: str, **values: object) -> str:
    """The string ``key`` in the session's language, formatted with ``values`` (figure builders
    take it as their lookup function)."""
    text = STRINGS[key][lang()]
    return text.format(**values) if values else text


# Every ASCII character that can start Markdown, HTML or Streamlit markup inside a line: emphasis, code,
# links and images ([ ] !), autolinks and HTML (< > : . @), entities (&), maths ($), directives and icons
# (: [ ]), tables (|), lists and headings (- + # and digits followed by . or )).
_MARKUP = re.compile(r"([\\`*_~\[\]()<>!&$:|#+\-.@{}^=])")
# GitHub-flavoured Markdown finds bare links (http://, www., a@b.c) in the text after escapes are read:
# a zero-width space after the scheme, "www" or "@" leaves no link to find, and nothing to see.
_AUTOLINK = re.compile(r"(https?|ftp|mailto|www|@)", re.IGNORECASE)


def outside(value: object, n: int = 40) -> str:
    """A value that came from outside (a link value, a file name, typed text, an imported label) as a
    message may quote it: on one line, at most ``n`` characters, every markup character escaped, so
    Markdown and HTML show it as the characters it is. The one way to put such a value in a sentence."""
    text = " ".join(str(value).split())  # no line breaks, no indentation: no block of its own
    cut = f"… ({len(text):,} characters)" if len(text) > n else ""
    return _MARKUP.sub(r"\\\1", _AUTOLINK.sub("\\1\u200b", text[:n])) + cut


def labels(prefix: str):
    """A format_func for options: option -> tx(prefix + option), in today's language.

    The language is bound now, not looked up later, so the function gives the
    same label wherever Streamlit calls it (AppTest calls it outside a run).
    """
    code = lang()
    return lambda option: STRINGS[f"{prefix}{option}"][code]


def translator(language: str):
    """``tx`` bound to one language: for results cached across sessions (a cache key names the language)."""

    def words(key: str, **values: object) -> str:
        text = STRINGS[key][language]
        return text.format(**values) if values else text

    return words
