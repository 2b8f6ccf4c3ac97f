"""Claims as checks: every sentence of a lesson chapter that says what the model on screen does is
tested on that chapter's own model, built by opening the chapter (its text, its task done on its
model, its notes); every Why verdict on the numbers it is drawn from. Both languages share these
predicates: where a sentence quotes a number, both the English and the 中文 string must quote it."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lstm_core import Network
from lstm_core.questions import article_loop
from lstm_core.reach import decades, geometric_mean, per_step, recurrent_radius
from tests.app.conftest import make_app
from ui.shell import engine
from ui.shell.strings import STRINGS


def chapter(n: int):
    """Open chapter n (1-based) from its link; return its config and its run, as the page has them."""
    at = make_app({"chapter": str(n)}, page="lesson")
    assert not at.exception
    cfg = at.session_state["_page_context"].cfg
    return at, cfg, engine.run(cfg)


def quoted(key: str, *numbers: str) -> None:
    """Both languages quote the same numbers (the predicate below checks them on the model)."""
    for lang in ("en", "zh"):
        for n in numbers:
            assert n in STRINGS[key][lang], (key, lang, n)


def test_chapter_1_a_plain_rnn_and_what_its_h_does():
    _, cfg, r = chapter(1)
    lt, x = r.trace.layers[0], r.x[:, 0]
    assert cfg.cell == "rnn" and cfg.hidden == (4,)  # "a plain RNN with 4 hidden units reads a sine wave"
    np.testing.assert_allclose(lt.h, np.tanh(lt.ih + lt.hh + lt.bias), atol=1e-12)  # hₜ = tanh(…)
    # the task: "xₜ swings from −1 to 1, but unit 1's h barely moves (after the first few steps it stays
    # between −0.61 and −0.54)"
    assert x.min() == pytest.approx(-1, abs=1e-9) and x.max() == pytest.approx(1, abs=1e-9)
    h1 = lt.h[3:, 0]
    assert -0.61 <= h1.min() and h1.max() <= -0.54
    quoted("lesson_rnn_do", "−0.61", "−0.54")
    # "find the units whose h moves against the input" (notes: units 3 and 4): they exist, and unit 1's h
    # does not follow the input (the sentence this task replaced)
    corr = [np.corrcoef(x, lt.h[:, u])[0, 1] for u in range(4)]
    assert corr[2] < -0.9 and corr[3] < -0.9 and abs(corr[0]) < 0.1
    assert "follow the input" not in STRINGS["lesson_rnn_do"]["en"]


def test_chapter_2_the_gradient_vanishes_at_the_rate_it_says():
    at, cfg, _ = chapter(2)
    w = engine.why(cfg, at.session_state["vg_rho"])
    dx, T = w.plain.reach.dx, w.x.shape[0]
    assert T == 200 and recurrent_radius(w.plain.net) == pytest.approx(0.5)  # "ρ = 0.5 reads 200 steps"
    assert f"{per_step(dx):.2f}" == "0.46"  # "each step back multiplies its gradient by about 0.46"
    quoted("lesson_vanish_after", "0.46", "10")  # said once the question is answered: it is the answer
    assert (
        "0.46" not in STRINGS["lesson_vanish_text"]["en"]
        and "0.46" not in STRINGS["lesson_vanish_text"]["zh"]
    )
    assert dx[T - 1 - 10] < 1e-3 * dx[-1] < dx[T - 1 - 5]  # "within 10 steps less than a thousandth"
    assert 0.5**20 == pytest.approx(1e-6, rel=0.1)  # notes: "0.5 multiplied by itself 20 times is about 10⁻⁶"
    # after: "The LSTM's curve falls far more slowly, but it falls too: … its forget gates are well below 1"
    rnn_fall, lstm_fall = -decades(dx), -decades(w.memory.reach.dx)  # decades fallen
    assert 2 < lstm_fall < rnn_fall / 2
    assert geometric_mean(w.memory.trace.layers[-1].f) < 0.9
    assert cfg.forget_bias == 1.0  # "with a forget-gate bias of 1"


def test_chapter_3_the_memory_line():
    _, cfg, r = chapter(3)
    lt = r.trace.layers[0]
    assert cfg.cell == "lstm"
    np.testing.assert_allclose(lt.c, lt.f * lt.c_prev + lt.i * lt.g, atol=1e-12)  # Cₜ = f·Cₜ₋₁ + i·g
    np.testing.assert_allclose(lt.h, lt.o * np.tanh(lt.c), atol=1e-12)  # hₜ = o·tanh(Cₜ)
    # the task: "where does it move a lot, where hardly at all?" has an answer on this model
    dc = np.abs(lt.c[1:, 0] - lt.c_prev[1:, 0])
    assert dc.max() > 10 * dc.min()
    # notes: the conveyor belt is not the article's picture
    assert "article's picture" not in STRINGS["lesson_memory_notes"]["en"]
    assert "not the article's" in STRINGS["lesson_memory_notes"]["en"]
    assert "不是原文的比喻" in STRINGS["lesson_memory_notes"]["zh"]


def test_chapter_4_the_forget_bias_moves_f_as_the_task_says():
    _, cfg, r = chapter(4)
    f = r.trace.layers[0].f
    assert ((0 < f) & (f < 1)).all()
    x = r.x
    shifted = {
        b: Network.random(1, cfg.hidden, "lstm", cfg.seed, cfg.scale, b).run(x).layers[0].f for b in (-3, 3)
    }
    assert shifted[-3].max() < 0.2 and shifted[3].min() > 0.9  # "set b_f to −3, then +3, and watch f"
    assert 0.9**20 == pytest.approx(0.12, abs=0.005)  # notes: "f = 0.9 for 20 steps keeps 0.9²⁰ ≈ 12 %"
    assert (
        "Keras" in STRINGS["lesson_forget_text"]["en"]
        and "PyTorch users often" not in STRINGS["lesson_forget_text"]["en"]
    )


def test_chapter_5_the_input_gate_never_closes_on_this_model():
    _, _, r = chapter(5)
    lt = r.trace.layers[0]
    # "On this random model i never closes: it stays between about 0.4 and 0.8"
    assert 0.35 < lt.i.min() and lt.i.max() < 0.8
    quoted("lesson_input_do", "0.4", "0.8")
    # the task, done: the step where unit 1's i is smallest still lets a good share of g in
    t = int(np.argmin(lt.i[:, 0]))
    assert lt.i[t, 0] > 0.35 and abs(lt.written[t, 0]) == pytest.approx(lt.i[t, 0] * abs(lt.g[t, 0]))


def test_chapter_6_o_scales_tanh_c_into_h():
    _, _, r = chapter(6)
    lt = r.trace.layers[0]
    ratio = lt.h / np.tanh(lt.c)  # the task: "by what factor does o scale it?" — by o
    np.testing.assert_allclose(ratio, lt.o, rtol=1e-9)


def test_chapter_7_the_hand_check_works_with_the_numbers_on_screen():
    """'Check one line of the equations by hand … Cₜ = f·Cₜ₋₁ + i·g': with the 2 decimals shown, the
    check agrees to within the rounding of the numbers read off the screen."""
    _, cfg, r = chapter(7)
    lt = r.trace.layers[0]
    assert cfg.seed == 3
    rd = lambda a: np.round(a, 2)  # noqa: E731
    by_hand = rd(lt.f) * rd(lt.c_prev) + rd(lt.i) * rd(lt.g)
    assert np.abs(by_hand - rd(lt.c)).max() <= 0.02


def test_chapter_8_two_layers_and_the_slower_memory():
    _, cfg, r = chapter(8)
    l1, l2 = r.trace.layers
    assert cfg.hidden == (4, 3)  # "two layers, of 4 and 3 units"
    np.testing.assert_array_equal(l2.x, l1.h)  # "layer 1's hₜ is layer 2's input xₜ"
    # the task "whose memory moves more slowly?" has a clear answer here: layer 2's
    moves = [np.abs(lt.c - lt.c_prev).mean() for lt in (l1, l2)]
    assert moves[1] < moves[0] / 1.5
    # notes: the article's CNN link, with the difference it names
    assert "its own next step" in STRINGS["lesson_stack_notes"]["en"]
    assert "它自己的下一步" in STRINGS["lesson_stack_notes"]["zh"]


def test_chapter_9_the_articles_loop_run_as_written():
    _, _, r = chapter(9)
    lt = r.trace.layers[0]
    ct, ht = article_loop(lt)
    assert ct.shape == lt.h.shape == lt.c.shape  # "Python raises no error, since both have the same shape"
    np.testing.assert_allclose(ct[0], lt.h[0], rtol=1e-12)  # from zero states step 1 is the corrected one
    assert np.abs(ct[1:] - lt.h[1:]).max() > 1e-3  # "from t = 2 on the article's run is a different run"
    # the measurement: at t = 4 the article's ct holds −0.103 where the corrected h is −0.205
    assert ct[3, 0] == pytest.approx(-0.103, abs=5e-4) and lt.h[3, 0] == pytest.approx(-0.205, abs=5e-4)


def test_chapter_10_the_classifier_is_an_lstm_of_8_units_that_tells_the_trend():
    from lstm_core import classify
    from ui.teach.lesson import classifier

    model, Xte, yte = classifier()
    assert model.net.cell == "lstm" and model.net.hidden_sizes == (8,)
    assert classify.accuracy(model, Xte, yte) > 0.9


@pytest.mark.parametrize("preset", ["vanish", "explode", "remember", "forget"])
def test_every_why_verdict_holds_on_its_curves(preset):
    """The estimate sentence (ρ·average tanh′ fits or misses), the carrier sentence (the memory line, or
    h and the gates), and no 'below float64' where the true value is an ordinary float64 number."""
    from lstm_core.reach import gap_at_start, mean_tanh_slope
    from ui.labs.why_controls import FITS, MEMORY_CARRIES

    at = make_app(page="why")
    at.button(key=f"why_preset_{preset}").click().run()
    text = " ".join(m.value for m in at.main.markdown)
    w = engine.why(at.session_state["_page_context"].cfg, at.slider(key="vg_rho").value)
    rate = per_step(w.plain.reach.dx)
    off = abs(w.plain.rho * mean_tanh_slope(w.plain.trace) / rate - 1)
    assert ("is within" in text) == (off <= FITS) and ("misses it by" in text) == (off > FITS)
    if preset in ("vanish", "remember"):  # 0.50 × 0.913 = 0.456: the measurement
        assert off <= FITS
    gap = gap_at_start(w.memory.reach.dc, w.memory.reach.fprod)
    if "does not have to" in text:
        assert ("memory line carries" in text) == (abs(gap) <= MEMORY_CARRIES)
        assert ("through $h_{t-1}$ and the gates (see below)" in text) == (abs(gap) > MEMORY_CARRIES)
    if preset == "explode":  # the gradient travels through h and the gates, 3.3 decades above
        assert gap > 3 and "memory line carries" not in text
    for r in w.reaches.values():  # every value here is an ordinary float64 number
        assert not r.underflow.any() and np.isfinite(r.dx).all()
    assert "below 2.2e-308" not in text and "float64" not in text
    if preset == "forget":
        assert w.memory.reach.dx[0] == pytest.approx(3.59e-229, rel=0.01)
        assert w.plain.reach.dx[0] == pytest.approx(7.07e-202, rel=0.01)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cell", ["lstm", "gru", "rnn"])
def test_every_explanation_says_why_with_its_own_numbers(monkeypatch, cell, lang):
    """Each kind of question on each cell kind: the explanation formats (no missing number) and gives
    the reason, not only the answer — ΔC for an LSTM's C, h's sign from C (o > 0) or from what goes
    into tanh, the pre-activation's parts for a plain RNN."""
    from lstm_core import questions
    from ui.shell import i18n
    from ui.teach import predict

    monkeypatch.setattr(i18n, "lang", lambda: lang)
    monkeypatch.setattr(predict.state, "get", lambda key: 2)
    lt = Network.random(1, [3], cell, 1).run(np.sin(np.arange(12.0))[:, None]).layers[0]
    said = []
    for kind in questions.step_kinds(lt):
        for t in range(1, 12):
            if questions.askable(lt, kind, 0, t):
                said.append((kind, predict.explanation(questions.ask(lt, kind, 0, t), cell)))
                break
    text = dict(said)
    if cell == "lstm":
        assert "ΔC = i·g − (1 − f)·Cₜ₋₁" in text["state_dir"]
        assert "o·tanh(Cₜ)" in text["h_flip"] and "o = 0." in text["h_flip"]
    if cell == "rnn":
        assert "W_ih·xₜ = " in text["state_dir"] and "tanh(" in text["h_flip"]
    if cell == "gru":
        assert "Δh = (1 − z)·(n − hₜ₋₁)" in text["state_dir"] and "(1 − z)·n" in text["h_flip"]
    assert all("{" not in s for _, s in said), said


def test_a_chapter_says_so_when_the_student_changed_its_model():
    """The numbers in a chapter's text are its own model's: a changed model is told, not misled."""
    at, _, _ = chapter(2)
    note = STRINGS["lesson_model_changed"]["en"]
    assert note not in [c.value for c in at.caption]
    at.sidebar.slider(key="seq_len").set_value(120).run()
    assert note in [c.value for c in at.caption]
    at.button(key="lesson_next").click().run()
    at.button(key="lesson_prev").click().run()  # back: the chapter's own model again
    assert at.sidebar.slider(key="seq_len").value == 200
    assert note not in [c.value for c in at.caption]


def test_chapter_9s_answer_quotes_the_articles_own_run():
    """The reveal quotes what the article's `ct` holds when its loop is run as written (issue 20: it
    quoted the corrected run's h, −0.205, where the article's ct holds −0.103)."""
    at, _, r = chapter(9)
    at.radio(key="predict_choice").set_value(at.radio(key="predict_choice").options[0]).run()
    at.button(key="predict_commit").click().run()
    text = " ".join(m.value for m in (*at.success, *at.error))
    t = int(re.search(r"after step t = (\d+)", text).group(1))
    ct, ht = article_loop(r.trace.layers[0])
    want = f"{ct[t - 1, 0]:.3f}".replace("-", "−")
    assert f"its `ct` holds {want}" in text, text
    assert f"h = {r.trace.layers[0].h[t - 1, 0]:.3f}".replace("-", "−") in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_explanation_reads_as_a_student_checks_it_by_hand(monkeypatch, lang):
    """From a teacher's run with two students: a negative amount subtracted is in parentheses (never
    "− −0.131"); a change beside the ±0.005 threshold shows the decimals that decide it (−0.0051, not
    −0.005, for "goes down"); a gradient is 6.3 × 10⁻⁴, not 6.3e-04; the note says rounding may move
    the last digit of a difference (it can)."""
    from lstm_core.questions import Question
    from ui.shell import i18n
    from ui.teach import predict

    monkeypatch.setattr(i18n, "lang", lambda: lang)
    monkeypatch.setattr(predict.state, "get", lambda key: 2)
    parts = dict(before=-0.62554, after=-0.67, kept=-0.49, written=-0.15278, lost=-0.13137)
    gates = dict(f=0.8, i=0.47, g=-0.33, o=0.6)
    q = Question("state_dir", 4, ("up", "down", "same"), "down", dict(parts, delta=-0.02141, **gates))
    text = predict.explanation(q, "lstm")
    assert "= −0.153 − (−0.131) = −0.021" in text and "− −" not in text
    # the note is true of this very sum: −0.153 − (−0.131) = −0.022 by hand, −0.021 rounded from the exact
    assert round(-0.153 + 0.131, 3) != round(-0.02141, 3)
    assert "last digit" in text or "最后一位" in text
    edge = Question("state_dir", 4, ("up", "down", "same"), "down", dict(parts, delta=-0.00509, **gates))
    assert "= −0.0051." in predict.explanation(edge, "lstm") or "= −0.0051。" in predict.explanation(
        edge, "lstm"
    )
    far = Question("state_dir", 4, ("up", "down", "same"), "up", dict(parts, delta=0.25, **gates))
    assert "= +0.250" in predict.explanation(far, "lstm")
    grad = Question(
        "grad_below", -1, ("b1", "b2", "b3", "b4"), "b2", dict(back=8, t=192, T=200, value=6.3e-4)
    )
    assert "6.3 × 10⁻⁴" in predict.explanation(grad, "rnn") and "e-04" not in predict.explanation(grad, "rnn")
    if lang == "zh":
        assert "）（" in text and "） （" not in text
