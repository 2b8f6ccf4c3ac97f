"""Generated signals and parsed text."""

from __future__ import annotations

import numpy as np
import pytest

import lstm_core
from lstm_core import generate, parse_csv, parse_numbers


def test_sine_square_sawtooth_values():
    s = generate("sine", 40, amplitude=2.0, period=20)
    assert s.shape == (40, 1)
    assert s[5, 0] == pytest.approx(2.0)  # quarter period
    assert s[0, 0] == 0.0
    q = generate("square", 20, amplitude=1.5, period=10)
    assert q[:5, 0].tolist() == [1.5] * 5 and q[5:10, 0].tolist() == [-1.5] * 5
    w = generate("sawtooth", 10, period=10)
    assert w[0, 0] == -1.0 and w[5, 0] == pytest.approx(0.0)


def test_step_and_impulse_onset():
    st = generate("step", 10, amplitude=3, onset=4)
    assert st[:4, 0].tolist() == [0] * 4 and st[4:, 0].tolist() == [3] * 6
    im = generate("impulse", 10, onset=7)
    assert im[:, 0].tolist() == [0] * 7 + [1] + [0, 0]


def test_noise_and_walk_are_seeded():
    a, b, c = (generate("noise", 500, seed=s) for s in (1, 1, 2))
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert abs(a.std() - 1) < 0.1
    w = generate("walk", 400, period=1, seed=3)
    assert np.allclose(np.diff(w[:, 0]), generate("noise", 400, seed=3)[1:, 0])


@pytest.mark.parametrize(
    "kw, words",
    [
        ({"kind": "triangle", "length": 5}, ["'triangle'", "sine"]),
        ({"kind": "sine", "length": 0}, ["length is 0", "between 1"]),
        ({"kind": "sine", "length": 5, "period": 0}, ["Period"]),
        ({"kind": "impulse", "length": 5, "onset": 5}, ["Onset", "0 … 4"]),
        ({"kind": "sine", "length": 5, "amplitude": float("inf")}, ["Amplitude"]),
    ],
)
def test_generator_errors(kw, words):
    with pytest.raises(lstm_core.GateLabError) as e:
        generate(**kw)
    for w in words:
        assert w in str(e.value)


def test_parse_numbers_separators():
    assert parse_numbers("1, 2 3\n4;5\t-6.5e-1").ravel().tolist() == [1, 2, 3, 4, 5, -0.65]
    assert parse_numbers("0.5").shape == (1, 1)


@pytest.mark.parametrize(
    "text, words",
    [("", ["No numbers"]), ("1, two, 3", ["Number 2", "'two'"]), ("1, nan", ["Number 2", "finite"])],
)
def test_parse_numbers_errors(text, words):
    with pytest.raises(lstm_core.ParseError) as e:
        parse_numbers(text)
    for w in words:
        assert w in str(e.value)


def test_parse_csv_with_and_without_header():
    v, names = parse_csv("temp,load\n1,2\n3,4\n\n5,6\n")
    assert names == ("temp", "load") and v.tolist() == [[1, 2], [3, 4], [5, 6]]
    v, names = parse_csv("1;2\n3;4")
    assert names == ("x1", "x2") and v.shape == (2, 2)
    v, _ = parse_csv("a\tb\n1\t2")
    assert v.tolist() == [[1, 2]]


@pytest.mark.parametrize(
    "text, words",
    [
        ("", ["empty"]),
        ("a,b\n", ["header but no rows"]),
        ("a,b\n1,2\n3\n", ["Line 3", "1 values", "expected 2"]),
        ("1,2\n3,x\n", ["Line 2, column 2", "'x'"]),
        ("1,2\n3,inf\n", ["Line 2, column 2", "finite"]),
    ],
)
def test_parse_csv_errors(text, words):
    with pytest.raises(lstm_core.ParseError) as e:
        parse_csv(text)
    for w in words:
        assert w in str(e.value)
