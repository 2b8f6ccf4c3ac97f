"""Step latency in headless Chromium: Gate Lab's Cell page against a bare app.

    python bench/browser.py [--clicks 30]

Starts Gate Lab and, in the same run, a bare Streamlit app with one button
and one 16×200 Plotly heatmap. On each it clicks "next" ``--clicks`` times
(after 3 warm-up clicks) and times, inside the browser, click -> the script
has finished and the page shows the new step. Prints p50/p95 for both and
the ratio of the p50s (the Cell page, and for information the Timeline at the
default and at the largest size). Then plays the Cell page's animation for
T = 200 and prints how many steps per second the browser shows.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.harness import CHROMIUM_ARGS, DONE, serve  # noqa: E402

BARE_APP = """
import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.session_state.setdefault("n", 1)
if st.button("next", key="step_next"):
    st.session_state.n += 1
z = np.random.default_rng(st.session_state.n).random((16, 200))
fig = go.Figure(go.Heatmap(z=z))
fig.update_layout(title=f"t = {st.session_state.n}")
st.plotly_chart(fig)
"""

# Click "next" in the page and resolve with the ms until the app is idle and the page
# shows step n: every plot title that names a step ends with "t = <n>" (the Cell page's
# diagram, the bare app's heatmap) or, on a page without such titles (the Timeline,
# whose heatmaps stay and whose cursor is a CSS rule), the step line says "Step t = <n> of".
CLICK_AND_WAIT = """
async (n) => {
  const want = `t = ${n}`;
  const t0 = performance.now();
  document.querySelector('.st-key-step_next button').click();
  return await new Promise((resolve, reject) => {
    const check = () => {
      const app = document.querySelector('[data-testid=stApp]');
      const titles = [...document.querySelectorAll('.js-plotly-plot .gtitle')]
        .map(e => e.textContent).filter(t => /t = \\d+$/.test(t));
      const shown = titles.length ? titles.every(t => t.endsWith(want))
        : document.body.innerText.includes(`Step ${want} of`);
      if (app.dataset.testScriptState === 'notRunning' && shown) {
        resolve(performance.now() - t0);
      } else if (performance.now() - t0 > 20000) {
        reject(new Error('timeout waiting for ' + want + ' got ' + titles));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}
"""

PLAY_RATE = """
async (seconds) => {
  const label = () => {
    const e = [...document.querySelectorAll('.slider-container text')].find(x => x.textContent.startsWith('t = '));
    return e ? parseInt(e.textContent.replace(/[^0-9]/g, '')) : NaN;
  };
  const btn = document.querySelector('.updatemenu-button');
  btn.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));
  btn.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  btn.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  const start = performance.now();
  await new Promise(r => setTimeout(r, 300));
  const t0 = performance.now(), n0 = label();
  await new Promise(r => setTimeout(r, seconds * 1000));
  return [(label() - n0) / ((performance.now() - t0) / 1000), n0, label(), start];
}
"""


def time_clicks(browser, url: str, clicks: int, first: int) -> list[float]:
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    page.goto(url)
    page.wait_for_selector(DONE, timeout=60_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    out = []
    for k in range(3 + clicks):
        ms = page.evaluate(CLICK_AND_WAIT, first + 1 + k)
        if k >= 3:
            out.append(ms)
    page.close()
    return out


def play_rate(browser, url: str) -> float:
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    page.goto(url)
    page.wait_for_selector(DONE, timeout=60_000)
    page.locator(".st-key-step_play label").first.click()
    page.wait_for_selector(".updatemenu-button", timeout=60_000)
    page.wait_for_selector(DONE)
    rate, *_ = page.evaluate(PLAY_RATE, 4)
    page.close()
    return rate


def pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clicks", type=int, default=30)
    args = ap.parse_args()
    if not 1 <= args.clicks <= 190:
        sys.exit("--clicks must be 1 … 190 (the Cell page is stepped through a sequence of 200 steps)")
    exe = shutil.which("chromium")
    if not exe:
        sys.exit("Debian's Chromium is needed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        results = {}
        with serve(bare, cwd=Path(tmp)) as bare_url, serve() as app_url:
            results["bare app (1 button, 1 heatmap)"] = time_clicks(browser, bare_url, args.clicks, 1)
            results["Gate Lab Cell page, T=200"] = time_clicks(
                browser, app_url + "/?T=200&t=1", args.clicks, 1
            )
            results["Gate Lab Cell page, T=200, 2 layers"] = time_clicks(
                browser, app_url + "/?T=200&layers=2&t=1", args.clicks, 1
            )
            results["Gate Lab Timeline, T=200, 2 layers"] = time_clicks(
                browser, app_url + "/timeline?T=200&layers=2&t=1", args.clicks, 1
            )
            results["Gate Lab Timeline, T=500, 4 layers x 16"] = time_clicks(
                browser, app_url + "/timeline?T=500&layers=4&h1=16&h2=16&h3=16&h4=16&t=1", args.clicks, 1
            )
            rate = play_rate(browser, app_url + "/?T=200&t=1")
        browser.close()
    ref = statistics.median(results["bare app (1 button, 1 heatmap)"])
    print(
        f"click -> the page shows the new step, headless Chromium, {args.clicks} clicks each (after 3 warm-up)"
    )
    print(f"{'app':<40} {'p50 ms':>8} {'p95 ms':>8} {'p50 ratio':>10}")
    for name, xs in results.items():
        print(
            f"{name:<40} {statistics.median(xs):8.1f} {pct(xs, 95):8.1f} {statistics.median(xs) / ref:9.2f}x"
        )
    print(f"play mode, T=200, in the browser: {rate:.1f} steps/s (target >= 10)")
    print("target: Cell page p50 <= 1.0x the bare app (the Timeline rows are for information)")


if __name__ == "__main__":
    main()
