"""One precision in the browser: at 2, 4 and 6 *Decimals shown*, every number the stepper draws on
the Cell page (diagram, reading, equations) and the Layers page's bar labels has that many decimals
(issue 20). Percentages are shares, not values: they are left out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_browser import diagram_labels, open_app

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)


def places(text: str) -> set[int]:
    text = re.sub(r"\d+(\.\d+)?\s?%", "", text)
    return {len(m.group(1)) for m in re.finditer(r"\d+\.(\d+)", text)}


@pytest.mark.parametrize("digits", [2, 4, 6])
def test_every_number_on_the_stepping_pages_has_the_decimals_chosen(new_page, app_url, digits):
    page = open_app(new_page, f"{app_url}/?t=3&dec={digits}")
    # the first page of a fresh server builds every step's view: give a loaded machine time
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("3", timeout=90_000)
    assert places(page.locator("[data-gatelab=reading]").inner_text()) == {digits}
    assert places(page.locator("[data-gatelab=equations]").inner_text()) == {digits}
    assert places(" ".join(diagram_labels(page))) == {digits}
    page = open_app(new_page, f"{app_url}/layers?h1=1&t=3&dec={digits}")  # one unit: the widest bars
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("3")
    labels = page.locator("svg.bars text.bar-value").all_text_contents()
    if digits <= 4:  # a label over a bar only where it fits (else the table below gives it)
        assert labels and places(" ".join(labels)) == {digits}, labels
    else:
        assert places(" ".join(labels)) <= {digits}
