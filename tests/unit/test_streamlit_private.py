"""The one private Streamlit API Gate Lab uses, pinned and watched.

``ui/shell/page.py`` (a page opened before any ``st.navigation`` call) and the AppTest fixture
(tests/app/conftest.py) set ``PagesManager.uses_pages_directory = False``, as ``st.navigation``
does on the server. requirements.txt pins Streamlit's version for it; these tests fail when an
upgrade changes what that attribute is or who sets it, so the upgrade is made on purpose.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import streamlit
from streamlit.commands import navigation
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import app_test

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"


def test_the_installed_streamlit_is_the_pinned_one():
    pin = re.search(r"^streamlit==([\w.]+)", REQUIREMENTS.read_text(), re.M)
    assert pin, "requirements.txt must pin streamlit (ui/shell/page.py uses a private attribute)"
    assert streamlit.__version__ == pin.group(1)


def test_pages_manager_still_has_the_class_flag_we_set():
    assert "uses_pages_directory" in vars(PagesManager)  # a class attribute, shared by every session
    assert PagesManager.__annotations__.get("uses_pages_directory") in ("bool | None", bool | None)


def test_navigation_still_switches_the_old_mode_off_and_apptest_still_resets_it():
    """What ui/shell/page.py imitates (st.navigation sets it False) and what the AppTest fixture undoes
    (AppTest sets it back to None before each run)."""
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(navigation)
    assert "PagesManager.uses_pages_directory = None" in inspect.getsource(app_test)
    assert app_test.PagesManager is PagesManager  # the name the fixture replaces in that module
