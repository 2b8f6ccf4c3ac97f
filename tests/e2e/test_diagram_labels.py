"""The cell diagram's labels at 1024×768, every kind in the table, 2, 4 and 6 decimals: no label
over a node (a gate's box, a ×, a +), over a wire, or over another label."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lstm_core import KINDS_BY_NAME
from tests.e2e.harness import DONE
from tests.e2e.test_browser import open_app

pytestmark = pytest.mark.e2e

# Every label's box (1.5 px in from each side) against every node's shape, every wire's stroke
# (sampled every pixel along each segment) and every other label.
COLLISIONS = """(svg) => {
  const inset = (r, d) => ({l: r.left + d, r: r.right - d, t: r.top + d, b: r.bottom - d});
  const hit = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  const labels = [...svg.querySelectorAll("text[data-label]")].filter(t => t.textContent.trim())
    .map(t => ({s: t.textContent, ...inset(t.getBoundingClientRect(), 1.5)}));
  const out = [];
  for (const g of svg.querySelectorAll("g[data-node]")) {
    const box = inset(g.querySelector("rect, circle").getBoundingClientRect(), 0);
    for (const lb of labels) if (hit(lb, box)) out.push(["node " + g.dataset.node, lb.s]);
  }
  const m = svg.getScreenCTM();
  for (const path of svg.querySelectorAll(":scope > path")) {
    const half = parseFloat(path.getAttribute("stroke-width")) * m.a / 2;
    const d = path.getAttribute("d").trim().split(/\\s+/);
    const segs = [];
    let prev = null;
    for (let i = 0; i < d.length; i += 3) {
      const pt = new DOMPoint(parseFloat(d[i + 1]), parseFloat(d[i + 2])).matrixTransform(m);
      if (d[i] === "L" && prev) segs.push([prev, pt]);
      prev = pt;
    }
    for (const lb of labels) {
      const on = segs.some(([p, q]) => {
        const n = Math.max(2, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y)));
        for (let k = 0; k <= n; k++) {
          const x = p.x + (q.x - p.x) * k / n, y = p.y + (q.y - p.y) * k / n;
          if (x > lb.l - half && x < lb.r + half && y > lb.t - half && y < lb.b + half) return true;
        }
        return false;
      });
      if (on) out.push(["wire", lb.s]);
    }
  }
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++)
    if (hit(labels[i], labels[j])) out.push([labels[i].s, labels[j].s]);
  return [labels.length, out];
}"""

CASES = [pytest.param(cell, dec, id=f"{cell}-{dec}") for cell in KINDS_BY_NAME for dec in (2, 4, 6)]


@pytest.mark.parametrize("cell, dec", CASES)
def test_no_label_sits_on_a_node_a_wire_or_another_label(new_page, app_url, cell, dec):
    page = open_app(new_page, f"{app_url}/?cell={cell}&t=12&dec={dec}", width=1024, height=768)
    expect(page.locator("svg.diagram text[data-label]").first).not_to_be_empty()
    page.wait_for_selector(DONE)
    n, collisions = page.locator("svg.diagram").first.evaluate(COLLISIONS)
    assert n >= 4 and not collisions, (cell, dec, collisions)
