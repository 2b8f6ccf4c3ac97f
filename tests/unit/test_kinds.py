"""Every kind in the table, without naming one: links and files round-trip, the kind's data agree.

A new ``Kind`` is covered here (and by the finite-difference, range and matrix tests) without
editing a test.
"""

from __future__ import annotations

import numpy as np
import pytest

from lstm_core import KINDS_BY_NAME, Network, layouts
from ui.shell.state import BY_URL
from viz.kinds import LOOKS

KINDS = tuple(KINDS_BY_NAME)


@pytest.mark.parametrize("cell", KINDS)
def test_links_round_trip_exactly(cell):
    net = Network.random(2, [3, 5], cell, seed=3, scale=1.7)
    back = layouts.decode(layouts.encode(net))
    assert back.cell == cell and back.hidden_sizes == (3, 5)
    for k, v in net.state_dict().items():
        np.testing.assert_array_equal(back.state_dict()[k], v)
    field = BY_URL["cell"]
    assert field.parse(field.dump(cell)) == cell  # the link's cell=<kind>


@pytest.mark.parametrize("cell", KINDS)
def test_a_pytorch_named_file_of_the_kind_is_detected_as_it(cell):
    net = Network.random(1, [4, 4], cell, seed=1)
    found = layouts.detect({f"rnn.{k}": v for k, v in net.state_dict().items()})
    assert found.cell == cell and found.layout == "pytorch"


def test_link_codes_are_unique():
    codes = [k.code for k in KINDS_BY_NAME.values()]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("cell", KINDS)
def test_the_look_draws_what_the_kind_computes(cell):
    kind, look = KINDS_BY_NAME[cell], LOOKS[cell]
    assert {name for name, _ in look.rows} == set(kind.series)  # every series has a timeline row
    assert set(look.eq_blocks) == set(kind.gates)  # an equation line per gate
    assert set(look.colours) >= set(kind.gates) | {"h"}
    net = Network.random(1, [2], cell, seed=0)
    lt = net.run(np.linspace(-1, 1, 5)[:, None]).layers[0]
    for name in look.values:  # every value the diagram reads exists on the trace
        assert getattr(lt, name) is not None, name
