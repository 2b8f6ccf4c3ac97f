"""The FCN in the Classify lab, in real Chromium: choose it, train it on a built-in task, read its result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE

pytestmark = pytest.mark.e2e


def test_train_an_fcn_on_a_built_in_task_and_see_its_result(new_page, app_url, artifacts, language="en"):
    """(中文 was looked at once, test-artifacts/classify-fcn-zh.png; its words are the string table's.)"""
    page = new_page(width=1024, height=768)
    page.goto(app_url + f"/classify?lang={language}")
    page.wait_for_selector(DONE, timeout=60_000)
    expect(page.locator("h1").first).to_be_visible(timeout=60_000)
    fcn = page.locator(".st-key-clf_cell button", has_text="FCN").first
    expect(fcn).to_be_visible(timeout=60_000)
    page.wait_for_selector(DONE, timeout=60_000)
    fcn.click()
    slider = page.locator(".st-key-clf_fcn_epochs_shapes input[type=range]")
    expect(slider).to_be_visible(timeout=30_000)
    page.wait_for_selector(DONE, timeout=30_000)
    slider.focus()
    slider.press("Home")  # 1 epoch, then 2: enough to see a result
    page.wait_for_selector(DONE, timeout=30_000)
    slider.press("ArrowRight")
    expect(page.locator(".st-key-clf_fcn_epochs_shapes")).to_contain_text("2", timeout=30_000)
    page.wait_for_selector(DONE, timeout=30_000)
    page.locator(".st-key-clf_train button").first.click()
    label = "FCN test accuracy" if language == "en" else "FCN 测试准确率"
    expect(page.get_by_text(label)).to_be_visible(timeout=180_000)
    page.wait_for_selector(DONE, timeout=60_000)
    value = page.locator("[data-testid=stMetric]", has_text=label).locator("[data-testid=stMetricValue]")
    assert re.fullmatch(r"\d+\.\d %", value.inner_text().strip())
    no_cell = "no cell to step through" if language == "en" else "没有可以逐步查看的单元"
    expect(page.get_by_text(re.compile(no_cell))).to_be_visible()
    page.screenshot(path=str(artifacts / f"classify-fcn-{language}.png"), full_page=True)
