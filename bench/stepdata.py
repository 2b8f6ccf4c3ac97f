"""The stepper's data per model: what the browser-side stepper receives, in KB.

    python bench/stepdata.py

For the Cell page (1 layer × 4 units, T = 40 and T = 500), the Layers and the Timeline pages
(4 layers × 16 units, T = 500), defaults otherwise (an LSTM, a sine input, 2 decimals,
English): the size of the JSON that Streamlit sends to the stepper's component for its view
(``json.dumps``, as Streamlit serialises a component's data), before (every step's sentences
as text: ``viz.stepview``, the reference builders) and now (every step's numbers once and the
string tables' templates: ``viz.stepdata``, the sentences built in the browser). Sizes only:
no timing, so no reference app is needed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lstm_core import Network, generate  # noqa: E402
from ui.shell.i18n import translator  # noqa: E402
from viz import stepdata, stepview  # noqa: E402

CASES = [  # page, view, layers, units, T
    ("Cell", "cell", 1, 4, 40),
    ("Cell", "cell", 1, 4, 500),
    ("Layers", "layers", 4, 16, 500),
    ("Timeline", "tables", 4, 16, 500),
]
TARGET_KB = 300  # issue 24: Cell, 1 × 4, T = 500


def trace(layers: int, units: int, T: int, cell: str = "lstm"):
    x = generate("sine", T, 1.0, 20.0, 0, 4).reshape(-1, 1)
    return Network.random(1, (units,) * layers, cell, 0, 1.0, 1.0).run(x)


def kb(data: dict) -> float:
    return len(json.dumps(data)) / 1000


def sizes(view: str, tr, digits: int = 2, lang: str = "en") -> tuple[float, float]:
    tx = translator(lang)
    if view == "cell":
        old, new = stepview.cell_view(tr, 0, 0, tx, digits), stepdata.cell_data(tr, 0, 0, tx, digits)
    elif view == "layers":
        old, new = stepview.layers_view(tr, tx, digits), stepdata.layers_data(tr, tx, digits)
    else:
        old, new = stepview.tables_view(tr, tx, digits), stepdata.tables_data(tr, tx, digits)
    return kb({"payload": old}), kb({"payload": stepdata.wire(new)})


def main() -> None:
    print(f"{'page':9} {'model':11} {'T':>4} {'before KB':>10} {'now KB':>8} {'ratio':>6}")
    for page, view, layers, units, T in CASES:
        before, now = sizes(view, trace(layers, units, T))
        model = f"{layers} × {units}"
        print(f"{page:9} {model:11} {T:>4} {before:>10,.0f} {now:>8,.0f} {now / before:>6.2f}")
    _, cell = sizes("cell", trace(1, 4, 500))
    print(f"target: Cell 1 × 4 at T = 500 ≤ {TARGET_KB} KB: {'met' if cell <= TARGET_KB else 'NOT met'}")
    print("other settings, Cell 1 × 4 at T = 500 (now KB):")
    for cell_kind in ("lstm", "gru", "mgu", "rnn"):
        for digits in (2, 6):
            for lang in ("en", "zh"):
                _, now = sizes("cell", trace(1, 4, 500, cell_kind), digits, lang)
                print(f"  {cell_kind:5} {digits} decimals {lang}: {now:,.0f}")


if __name__ == "__main__":
    main()
