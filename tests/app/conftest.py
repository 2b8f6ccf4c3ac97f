"""AppTest set-up.

Streamlit 1.67 pitfall (ARCHITECTURE.md): AppTest resets
``PagesManager.uses_pages_directory`` before every run, and because our page
files live in ``pages/`` it then re-detects the old pages-folder mode and
runs only the page file, without the shared sidebar. The live server is not
affected: its first ``st.navigation`` call switches that mode off for the
process. This fixture does the same for AppTest.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from tests import steptext

APP = str(Path(__file__).resolve().parents[2] / "app.py")


class _NavigationPagesManager(PagesManager):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False  # what st.navigation does on the server


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch):
    monkeypatch.setattr(app_test_module, "PagesManager", _NavigationPagesManager)


def make_app(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at


def charts(at: AppTest) -> list[dict]:
    """Every Plotly figure on the page, as the JSON spec sent to the browser."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def chart(at: AppTest, key_part: str) -> dict:
    for c in at.get("plotly_chart"):
        if key_part in c.proto.id:
            return json.loads(c.proto.spec)
    raise AssertionError(f"no chart with {key_part!r} in its id")


def arr(v) -> np.ndarray:
    """A figure array as NumPy: plain lists, or Plotly's typed-array form {dtype, bdata, shape}."""
    if isinstance(v, dict) and "bdata" in v:
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
        if "shape" in v:
            a = a.reshape([int(s) for s in str(v["shape"]).split(",")])
        return a
    return np.asarray(v)


def stepper(at) -> dict:
    """The browser-side stepper's data on this page (ui/stepper/__init__.py): its view for every step,
    with the sentences the browser builds from it (tests/steptext.py, as ui/stepper/words.js)."""
    els = [e for e in at.get("bidi_component") if "-stepper_" in e.proto.id]  # not the sidebar's beacon
    assert els, "no stepper on this page"
    data = json.loads(els[0].proto.json)
    payload = json.loads(data["payload"])
    data["payload"] = steptext.text(data["view"], payload, data["T"]) if payload else payload
    if data["readout"]:
        data["readout"] = steptext.readout_text(data["readout"])
    return data


def shown(at, part: str):
    """``part`` of the stepper's view at the step the server puts on screen."""
    data = stepper(at)
    return data["payload"][part][data["seek"][1]]


def step_to(at, step: int) -> None:
    """What the stepper does when the student stops on ``step`` (0-based): it reports it."""
    at.session_state["step"] = step
    at.run()


def read(source: str) -> str:
    """Markdown source as a student reads it: a backslash-escaped character is that character."""
    return re.sub(r"\\(.)", r"\1", source).replace("\u200b", "")  # (a zero-width space breaks bare links)
