"""No view can crash: every page × every cell kind × {no forced gate, each gate forced} ×
{en, 中文} × {the random model, an imported model} opens with no exception (AppTest).

The kinds and their gates come from the kind table, so a new kind is in the matrix without
editing this file. One AppTest per (kind, gate, language, model) walks every page: the
set-up (the link's model and forced gate) is shared by the seven pages.
"""

from __future__ import annotations

import pytest

from lstm_core import KINDS_BY_NAME, Network, layouts
from tests.app.conftest import make_app
from ui.shell.strings import STRINGS

PAGES = ("cell", "timeline", "layers", "weights", "why", "classify", "lesson")
BROKEN = (STRINGS["internal_error"]["en"], STRINGS["internal_error"]["zh"])


def imported(cell: str) -> str:
    """A custom model unlike the sidebar's: two layers of 3 and 5 units, its own weights."""
    return layouts.encode(Network.random(1, (3, 5), cell, seed=7, scale=1.5))


def forced(cell: str) -> list[str | None]:
    """No forced gate, then each of the kind's gates forced on layer 1, steps 5–10, every unit."""
    kind = KINDS_BY_NAME[cell]
    return [None] + [f"{g}.1.{0.5 if kind.bounds(g)[0] == 0 else -0.5}.5-10.all" for g in kind.gates]


CASES = [
    pytest.param(cell, ov, lang, model, id=f"{cell}-{ov.split('.')[0] if ov else 'free'}-{lang}-{model}")
    for cell in KINDS_BY_NAME
    for ov in forced(cell)
    for lang in ("en", "zh")
    for model in ("random", "imported")
]


def problems(at) -> list[str]:
    said = [e.value for e in at.error if any(b in str(e.value) for b in BROKEN)]
    return [str(x.message) for x in at.exception] + said


@pytest.mark.parametrize("cell, ov, lang, model", CASES)
def test_every_page_opens(cell, ov, lang, model):
    query = {"cell": cell, "lang": lang}
    if ov:
        query["ov"] = ov
    if model == "imported":
        query |= {"w": imported(cell), "wsrc": "import:model.npz"}
    at = make_app(query)
    seen = {}
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        seen[page] = problems(at)
        if page == "weights":  # the link's view is the one shown, up to the lesson (which sets its own)
            assert at.session_state["cell_kind"] == cell or model == "imported"
            assert bool(at.session_state["custom_weights"]) == (model == "imported")
            assert [o.gate for o in at.session_state["overrides"]] == ([ov.split(".")[0]] if ov else [])
    assert not any(seen.values()), seen


@pytest.mark.parametrize("cell", KINDS_BY_NAME)
def test_predict_mode_asks_and_explains_every_question_of_every_kind(cell):
    """With *Predict* on, the Cell page asks each question the kind allows in turn (gate_half about
    each of its σ gates) and explains every answer: words for every kind, no KeyError."""
    at = make_app({"cell": cell, "t": "3"}, page="cell")
    at.toggle(key="predict_mode").set_value(True).run()
    kind = KINDS_BY_NAME[cell]
    asked = []
    for _ in range(2 * len(kind.questions)):
        q = at.session_state["_predict_pending"]["q"]
        radio = at.radio(key="predict_choice")
        radio.set_value(radio.options[0]).run()
        at.button(key="predict_commit").click().run()
        assert not problems(at) and (at.success or at.error), cell
        asked.append((q.kind, q.gate))
        at.button(key="predict_next").click().run()
    assert not problems(at)
    kinds = {k for k, _ in asked}
    assert kinds <= set(kind.questions) and "state_dir" in kinds
    assert {g for k, g in asked if k == "gate_half"} <= set(kind.sigmoids)
