"""Each teaching preset does what its text says, on its suggested input."""

from __future__ import annotations

import numpy as np
import pytest

from lstm_core import generate, parse_numbers
from lstm_core.presets import PRESETS, preset


def suggested_input(p) -> np.ndarray:
    s = p.input
    if s["kind"] == "typed":
        return parse_numbers(s["text"])
    onset = s.get("onset", 1) - 1
    return generate(s["kind"], s["length"], s.get("amplitude", 1.0), s.get("period", 20.0), 0, onset)


def run(name):
    p = preset(name)
    x = suggested_input(p)
    return p, x, p.network.run(x).layers[0]


def test_perfect_memory_never_changes_c_after_the_first_step():
    _, x, lt = run("memory")
    assert lt.i[0, 0] > 0.99 and (lt.i[1:] < 1e-4).all()
    assert (np.abs(lt.g[1:, 0]) > 0.4).sum() >= 16  # the candidate is far from 0: only i ≈ 0 keeps C
    assert (lt.f > 0.9999).all()
    assert np.abs(lt.c[1:, 0] - lt.c[0, 0]).max() < 0.005 * abs(lt.c[0, 0])
    assert lt.c[0, 0] > 0.9


def test_forget_everything_c_is_this_steps_write():
    _, x, lt = run("forget")
    assert (lt.f < 1e-4).all()
    assert abs(np.corrcoef(lt.c[:-1, 0], lt.c[1:, 0])[0, 1]) < 0.5  # on noise, C_{t−1} does not predict C_t
    np.testing.assert_allclose(lt.c, lt.i * lt.g, atol=1e-3)
    np.testing.assert_allclose(lt.c[:, 0], np.tanh(x[:, 0]), atol=1e-3)


def test_latch_remembers_the_sign_of_the_last_impulse():
    _, x, lt = run("latch")
    out = lt.h[:, 0] - lt.h[:, 1]
    last = 0.0
    for t in range(len(x)):
        if x[t, 0] != 0:
            last = np.sign(x[t, 0])
        if last:
            assert np.sign(out[t]) == last and abs(out[t]) > 0.7, t
        else:
            assert abs(out[t]) < 0.01


def test_counter_adds_up_the_input():
    _, x, lt = run("counter")
    np.testing.assert_allclose(lt.c[:, 0], np.cumsum(lt.g[:, 0]), atol=2e-3)
    total = 0.5 * np.cumsum(x[:, 0])  # g = tanh(0.5·x) ≈ 0.5·x for small x
    assert np.corrcoef(lt.c[:, 0], total)[0, 1] > 0.999
    assert np.abs(lt.c[:, 0] - total).max() < 0.01 * np.abs(total).max() + 1e-3


def test_spike_detector_fires_only_on_a_change():
    _, x, lt = run("spike")
    prev = np.concatenate(([0.0], x[:-1, 0]))
    change = x[:, 0] != prev
    assert change.sum() >= 3
    assert (np.abs(lt.h[change, 1]) > 0.5).all()
    assert (np.abs(lt.h[~change, 1]) < 0.05).all()


def test_spike_detectors_unit_1_is_a_scaled_copy_of_the_input():
    """preset_text_spike: 'Unit 1 outputs a scaled copy of the input (h ≈ 0.64·x_t for x_t = ±1)'."""
    from ui.shell.strings import STRINGS

    _, x, lt = run("spike")
    at_one = np.abs(x[:, 0]) == 1
    assert at_one.sum() > 10
    np.testing.assert_allclose(lt.h[at_one, 0], 0.64 * x[at_one, 0], atol=0.005)
    assert all("0.64·x_t" in STRINGS["preset_text_spike"][lang] for lang in ("en", "zh"))


def test_copy_repeats_unit_1_one_step_late():
    _, x, lt = run("copy")
    h1, h2 = lt.h[:, 0], lt.h[:, 1]
    np.testing.assert_allclose(h1, np.tanh(np.tanh(x[:, 0])), atol=1e-3)  # unit 1: x squashed twice
    assert np.abs(h2[1:] - h1[:-1]).max() < 0.05  # unit 2: unit 1's output, one step late
    assert np.abs(h2[1:] - h1[1:]).max() > 0.5  # … which is not unit 1's output now


def test_copy_and_forget_everything_are_different_cells():
    a, b = preset("copy").network.state_dict(), preset("forget").network.state_dict()
    assert any(a[k].shape != b[k].shape or not np.array_equal(a[k], b[k]) for k in a)


def test_rnn_forgets_where_the_lstm_remembers():
    p = preset("rnn_lstm")
    x = suggested_input(p)
    assert len(x) == 200
    h_lstm = p.network.run(x).output[:, 0]
    h_rnn = p.twin.run(x).output[:, 0]
    assert abs(h_rnn[-1]) < 0.01 * abs(h_rnn[0])
    assert abs(h_lstm[-1]) > 0.9 * abs(h_lstm[0])
    ratio = h_rnn[1:60] / h_rnn[:59]  # the text: each step multiplies the memory by at most 0.9
    assert (ratio <= 0.9 + 1e-12).all() and ratio[0] < 0.75
    np.testing.assert_allclose(h_rnn[:3], [0.96, 0.70, 0.56], atol=0.005)  # the numbers the text quotes


def test_gru_hold_keeps_h_until_an_input_above_a_half_rewrites_it():
    _, x, lt = run("gru_hold")
    assert lt.kind.name == "gru"
    x = x[:, 0]
    writes = np.flatnonzero(x > 0.5)
    assert writes.tolist() == [2, 10, 18]  # 1, 0.8 and 0.7; 0.2 and −0.4 are not writes
    for t in range(len(x)):
        if t in writes:
            assert lt.z[t, 0] < 1e-3 and abs(lt.h[t, 0] - np.tanh(1.5 * x[t])) < 1e-3
        else:
            assert lt.z[t, 0] > 0.999 and abs(lt.h[t, 0] - lt.h_prev[t, 0]) < 1e-3  # held
    # the numbers the preset's text quotes
    assert [f"{lt.h[t, 0]:.2f}" for t in (9, 17, 23)] == ["0.91", "0.83", "0.78"]


def test_every_preset_is_listed_and_unknown_names_are_refused():
    assert set(PRESETS) == {"memory", "forget", "latch", "counter", "spike", "copy", "rnn_lstm", "gru_hold"}
    with pytest.raises(ValueError, match="Unknown preset"):
        preset("nope")
