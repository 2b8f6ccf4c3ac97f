"""Step latency in headless Chromium: Gate Lab's stepping pages against a bare app.

    python bench/browser.py [--clicks 30]

Starts Gate Lab and, in the same run, a bare Streamlit app with one button
and one 16×200 Plotly heatmap (every click a server round trip). On each it
clicks "next" ``--clicks`` times (after 3 warm-up clicks) and times, inside
the browser, click -> the last change in the page's main area, waiting out
a quiet second after it: a later sync with the server that redraws
anything counts. Gate Lab steps in the browser (ui/stepper): its controls
carry ``data-gatelab`` (inside the component's shadow root). Prints p50/p95
and the ratio of the p50s to the bare app's. Then holds → for two seconds
(key repeat every 33 ms) and plays at 60 steps a second at T = 500, and
prints the steps per second the page shows.
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

# Shared helpers: find an element through open shadow roots; watch every change in the main
# area (its light DOM and every shadow root inside it).
HELPERS = """
window.__deep = (sel) => {
  const walk = (root) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { const h = walk(el.shadowRoot); if (h) return h; }
    }
    return null;
  };
  return walk(document);
};
window.__watch = () => {
  const main = document.querySelector('[data-testid=stMain]');
  const obs = new MutationObserver(() => { window.__last = performance.now(); });
  const opts = {subtree: true, childList: true, attributes: true, characterData: true};
  obs.observe(main, opts);
  for (const el of main.querySelectorAll('*')) if (el.shadowRoot) obs.observe(el.shadowRoot, opts);
  return obs;
};
"""

# Click "next"; resolve with ms from the click to the last change in the main area, once the app
# has been idle and unchanged for a second (so a sync rerun after the step is included).
CLICK_AND_SETTLE = """
async (sel) => {
  const btn = window.__deep(sel);
  const obs = window.__watch();
  const t0 = performance.now();
  window.__last = t0;
  btn.click();
  return await new Promise((resolve) => {
    const check = () => {
      const app = document.querySelector('[data-testid=stApp]');
      const now = performance.now();
      if (app.dataset.testScriptState === 'notRunning' && now - window.__last > 1000 && now - t0 > 1000) {
        obs.disconnect();
        resolve(window.__last - t0);
      } else if (now - t0 > 30000) {
        obs.disconnect();
        resolve(NaN);
      } else {
        setTimeout(check, 20);
      }
    };
    setTimeout(check, 20);
  });
}
"""

STEPS_PER_SECOND = """
async ([mode, seconds]) => {
  const slider = window.__deep('[data-gatelab=step_slider]');
  const step = () => Number(slider.value);
  if (mode === 'play') {
    window.__deep('[data-gatelab=play_speed]').value = '60';
    window.__deep('[data-gatelab=play_speed]').dispatchEvent(new Event('change'));
    window.__deep('[data-gatelab=step_play]').click();
    await new Promise(r => setTimeout(r, 200));
    const n0 = step(), t0 = performance.now();
    await new Promise(r => setTimeout(r, seconds * 1000));
    const n1 = step(), t1 = performance.now();
    window.__deep('[data-gatelab=step_play]').click();
    return (n1 - n0) / ((t1 - t0) / 1000);
  }
  // hold →: key repeat every 33 ms, as a keyboard does
  const n0 = step(), t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', repeat: true, bubbles: true}));
    await new Promise(r => setTimeout(r, 33));
  }
  return (step() - n0) / ((performance.now() - t0) / 1000);
}
"""


def open_page(browser, url: str, ready: str):
    page = browser.new_page(viewport={"width": 1500, "height": 1200})
    page.goto(url)
    page.wait_for_selector(DONE, timeout=60_000)
    page.wait_for_selector(ready, timeout=60_000)
    page.wait_for_selector(DONE, timeout=60_000)
    page.evaluate(HELPERS)
    return page


def time_clicks(browser, url: str, clicks: int, button: str, ready: str) -> list[float]:
    page = open_page(browser, url, ready)
    out = []
    for k in range(3 + clicks):
        ms = page.evaluate(CLICK_AND_SETTLE, button)
        if k >= 3:
            out.append(ms)
    page.close()
    return out


def rate(browser, url: str, mode: str) -> float:
    page = open_page(browser, url, "[data-gatelab=step_caption]")
    r = page.evaluate(STEPS_PER_SECOND, [mode, 2 if mode == "hold" else 3])
    page.close()
    return r


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
    gl, ready = "[data-gatelab=step_next]", "[data-gatelab=step_caption]"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        results = {}
        with serve(bare, cwd=Path(tmp)) as bare_url, serve() as app_url:
            results["bare app (1 button, 1 heatmap)"] = time_clicks(
                browser, bare_url, args.clicks, ".st-key-step_next button", ".js-plotly-plot .main-svg"
            )
            for name, path in (
                ("Cell page, T=200", "/?T=200&t=1"),
                ("Cell page, T=200, 2 layers", "/?T=200&layers=2&t=1"),
                ("Layers, T=200, 4 layers x 16", "/layers?T=200&layers=4&h1=16&h2=16&h3=16&h4=16&t=1"),
                ("Timeline, T=200, 2 layers", "/timeline?T=200&layers=2&t=1"),
            ):
                results[f"Gate Lab {name}"] = time_clicks(browser, app_url + path, args.clicks, gl, ready)
            hold = rate(browser, app_url + "/?T=500&t=1", "hold")
            play = rate(browser, app_url + "/?T=500&t=1", "play")
        browser.close()
    ref = statistics.median(results["bare app (1 button, 1 heatmap)"])
    print(
        f"click -> the last change in the main area (a later sync included), headless Chromium, "
        f"{args.clicks} clicks each (after 3 warm-up)"
    )
    print(f"{'app':<44} {'p50 ms':>8} {'p95 ms':>8} {'p50 ratio':>10}")
    for name, xs in results.items():
        print(
            f"{name:<44} {statistics.median(xs):8.1f} {pct(xs, 95):8.1f} {statistics.median(xs) / ref:9.2f}x"
        )
    print(f"hold → for 2 s, T=500: {hold:.1f} steps/s (target >= 20)")
    print(f"Play at 60/s, T=500: {play:.1f} steps/s (target >= 30)")
    print("targets: Cell page and Layers (4 x 16) p50 <= 0.3x the bare app")


if __name__ == "__main__":
    main()
