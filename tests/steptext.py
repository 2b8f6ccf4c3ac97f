"""The stepper's sentences from its data, in Python: what ``ui/stepper/words.js`` builds in the
browser, line for line, so that AppTests read the sentences a student reads.

``text(view, payload)`` turns ``viz.stepdata``'s numbers and templates back into the lists of
``viz.stepview`` (the reference): tests/unit/test_stepdata.py checks that they are equal at
every step, tests/e2e/test_words.py that words.js builds the same.
"""

from __future__ import annotations

import json


def fixed(e, d: int) -> str:
    """f"{v:.{d}f}" of the value that ``viz.stepdata.enc`` encoded as e."""
    if isinstance(e, str):
        return e
    s = str(abs(e)).rjust(d + 1, "0")
    body = f"{s[:-d]}.{s[-d:]}" if d else s
    return "-" + body if e < 0 else body


def num(e, d: int) -> str:
    s = fixed(e, d)
    if s == "nan" or s.endswith("inf"):
        return "—"
    if s[0] != "-":
        return s
    if not s.strip("-0."):
        return s[1:]
    return "−" + s[1:]


def signed(e, d: int) -> str:
    s = num(e, d)
    return s if s.startswith("−") or not s.strip("0.") else "+" + s


def plus(e, d: int) -> str:
    neg = e.startswith("-") if isinstance(e, str) else e < 0
    a = (e[1:] if neg else e) if isinstance(e, str) else abs(e)
    s = num(a, d)
    return f" − {s}" if neg and s != num(0, d) else f" + {s}"


def par(e, d: int) -> str:
    s = num(e, d)
    return f"({s})" if s.startswith("−") else s


def vec(items: list, n: int, d: int, limit: int, brackets: bool = True) -> str:
    body = ", ".join(num(e, d) for e in items[:limit]) + (", …" if n > limit else "")
    return f"[{body}]" if brackets else body


class Words:
    """The sentences of one view at step t (as words.js's ``words``)."""

    def __init__(self, p: dict, readout: dict | None = None):
        self.p, self.d, self.r = p, p.get("d", 2), readout
        self.rows = (p.get("table") or {}).get("rows")

    def var(self, name: str, t: int):
        v = self.p["vars"][name]
        return self.rows[t][v["u"]][v["c"]] if isinstance(v, dict) else v[t]

    def vector(self, name: str, t: int) -> tuple[list, int]:
        v = self.p["vecs"][name]
        if "c" in v:
            row = self.rows[t]
            return [u[v["c"]] for u in row], len(row)
        return v["e"][t], v["n"]

    def ref(self, r: list, t: int) -> str:
        how, d = r[0], self.d
        if how == "t":
            return str(t + 1)
        if how == "gates":
            return ", ".join(self.p["diagram"]["forced"][t])
        if how == "name":
            return self.r["names"][self.r["choice"][t]]
        if how in ("vec", "items"):
            items, n = self.vector(r[1], t)
            return vec(items, n, d, r[2], how == "vec")
        e = self.var(r[1], t)
        if how == "fixed":
            return fixed(e, r[2])
        return {"num": num, "p": par, "plus": plus, "signed": signed}[how](e, d)

    def say(self, parts: list, t: int) -> str:
        return "".join(x if isinstance(x, str) else self.ref(x, t) for x in parts)

    def reading(self, t: int) -> str:
        parts = [self.say(s, t) for s in self.p["reading"]]
        if self.p["diagram"]["forced"][t]:
            parts.append(self.say(self.p["read_forced"], t))
        return " ".join(parts).replace("。 ", "。")

    def equations(self, t: int) -> list[str]:
        lines = [
            self.say(q["forced"] if q["when"] and q["when"][t] == "1" else q["line"], t)
            for q in self.p["equations"]
        ]
        return lines + [self.say(s, t) for s in self.p["state"]]

    def code(self, lines: list, t: int) -> str:
        return "\n".join(head + self.say(note, t) if note else code for code, head, note in lines)

    def value(self, e) -> float:
        return float(e) if isinstance(e, str) else e / 10**self.d

    def table(self, tab: dict, t: int) -> list[list[str]]:
        return [[num(e, self.d) for e in unit] for unit in tab["rows"][t]]


def _table(w: Words, tab: dict, T: int) -> dict:
    return {"head": tab["head"], "rows": [w.table(tab, t) for t in range(T)], "first": tab["first"]}


def text(view: str, payload: dict | str, T: int) -> dict:
    """``payload`` (viz.stepdata's, or its wire text) as viz.stepview's view of every step."""
    p = json.loads(payload) if isinstance(payload, str) else payload
    w = Words(p)
    steps = range(T)
    if view == "cell":
        dg = p["diagram"]
        lut = dg["lut"]
        diagram = {k: v for k, v in dg.items() if k not in ("lut", "fill", "ink", "text")}
        diagram["fill"] = {
            kind: {k: [lut[kind][i] if i >= 0 else lut["grey"] for i in ix] for k, ix in keys.items()}
            for kind, keys in dg["fill"].items()
        }
        diagram["ink"] = {k: ["white" if c == "1" else "#1b1b1b" for c in s] for k, s in dg["ink"].items()}
        diagram["text"] = [[w.say(s, t) for s in dg["text"]] for t in steps]
        order = ["wires", "nodes", "labels", "captions", "top", "box_right", "x1", "hover", "fill", "ink"]
        diagram = {k: diagram[k] for k in [*order, "text", "forced", "legend"]}
        out = {
            "diagram": diagram,
            "title": [w.say(p["title"], t) for t in steps],
            "reading": [w.reading(t) for t in steps],
            "equations": [w.equations(t) for t in steps],
            "table": _table(w, p["table"], T),
            "table_title": [w.say(p["table_title"], t) for t in steps],
            "code": [w.code(p["code"], t) for t in steps],
            "stack_code": [w.code(p["stack_code"], t) for t in steps],
            "unit_word": p["unit_word"],
        }
        if "whatif" in p:
            out["whatif"] = [w.say(p["whatif"], t) for t in steps]
        return out
    if view == "layers":
        layers = [
            {
                **{k: v for k, v in lay.items() if k != "table"},
                # the bars: the numbers shown, (T, series, units), as words.js's ``value`` draws them
                "values": [
                    [[w.value(u[k]) for u in row] for k in range(len(lay["table"]["head"]))]
                    for row in lay["table"]["rows"]
                ],
                "table": _table(w, lay["table"], T),
            }
            for lay in p["layers"]
        ]
        inp = {**p["input"], "values": [[num(e, w.d) for e in row] for row in p["input"]["values"]]}
        return {
            **{k: v for k, v in p.items() if k not in ("layers", "input", "d")},
            "layers": layers,
            "input": inp,
        }
    tables = [{"title": tab["title"], **_table(w, tab, T)} for tab in p["tables"]]
    return {"tables": tables, "unit_word": p["unit_word"], "text_alt": p["text_alt"]}


def readout_text(r: dict) -> dict:
    """``viz.readout``'s data with its sentences built (as words.js does)."""
    w = Words({"d": r["d"]}, r)
    T = len(r["choice"])
    out = {k: v for k, v in r.items() if k not in ("e", "d", "said")}
    out["text"] = [[num(e, r["d"]) for e in row] for row in r["e"]]
    out["said"] = [w.say(r["said"], t) for t in range(T)]
    return out


def in_words_shape(view: str, old: dict, x, digits: int) -> dict:
    """The reference view (viz.stepview's) cut to what tests/e2e/words_all.js returns from the
    browser: the sentences and numbers of every step; ``x`` the input (the Layers page's bars)."""
    from viz.style import num as py_num

    if view == "cell":
        out = {
            k: old[k] for k in ("title", "reading", "equations", "table", "table_title", "code", "stack_code")
        }
        out |= {k: old["diagram"][k] for k in ("fill", "ink", "text")}
        if "whatif" in old:
            out["whatif"] = old["whatif"]
        return out
    if view == "layers":
        return {
            "tables": [lay["table"] for lay in old["layers"]],
            "input": [[py_num(v, digits) for v in row] for row in x],
        }
    return {"tables": [{k: tab[k] for k in ("head", "rows", "first")} for tab in old["tables"]]}
