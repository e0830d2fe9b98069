"""Disclosure control: nothing under the threshold is published and no hidden cell can be recovered.

The attacker here is stronger than a real one: they see the exact (unrounded) values of every
published cell and combine every table of the release, then try to solve for each hidden cell.
"""

import random

import numpy as np
import pytest

from retorno.reports.disclosure import linked_tables, one_way, protect, published, round_to


def attacker_recovers(release, pub):
    """Solve for each hidden cell from the published cells and all additivity constraints."""
    hidden = sorted((k for k, v in pub.items() if v is None), key=repr)
    index = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    for parts, total in release.constraints:
        row, known = np.zeros(len(hidden)), 0.0
        for key, sign in [*[(p, 1) for p in parts], (total, -1)]:
            if key in index:
                row[index[key]] += sign
            else:
                known += sign * release.cells[key]  # exact values: the strongest attacker
        rows.append(row)
        rhs.append(-known)
    if not hidden:
        return {}
    matrix = np.array(rows)
    solution, *_ = np.linalg.lstsq(matrix, np.array(rhs), rcond=None)
    rank = np.linalg.matrix_rank(matrix)
    recovered = {}
    for key, i in index.items():
        unit = np.zeros(len(hidden))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            recovered[key] = round(solution[i])
    return recovered


def test_rounding_to_base_five():
    assert [round_to(v, 5) for v in (0, 10, 12, 13, 17, 18, 101)] == [0, 10, 10, 15, 15, 20, 100]


def test_one_way_single_small_cell_gets_a_complement():
    release = protect(one_way({"F": 3, "M": 140, "U": 25}))
    pub = published(release)
    assert pub["F"] is None and pub["U"] is None  # 25 hidden too, else F = total - M - U
    assert pub["M"] == 140 and pub["T"] == 170
    assert attacker_recovers(release, pub) == {}


@pytest.mark.parametrize("seed", range(12))
def test_linked_tables_resist_totals_and_differencing(seed):
    rng = random.Random(seed)
    quarters = ["Q1", "Q2", "Q3", "Q4"]
    people = [
        (rng.choice("FMMMM"), rng.choice(["01", "13", "12", "16", "09"] + ["07"] * (seed % 2)), rng.choice(quarters))
        for _ in range(rng.randint(40, 400))
    ]
    by_sex, by_dept = {}, {}
    for sex, dept, q in people:
        by_sex[(sex, q)] = by_sex.get((sex, q), 0) + 1
        by_dept[(dept, q)] = by_dept.get((dept, q), 0) + 1
    release = protect(linked_tables({"sex": by_sex, "department": by_dept}, quarters))
    pub = published(release)
    assert all(v is None or v == 0 or v >= 10 for v in pub.values()), "a published cell is under the threshold"
    assert all(release.cells[k] == 0 or release.cells[k] >= 10 for k, v in pub.items() if v is not None)
    assert attacker_recovers(release, pub) == {}, "a hidden cell was recovered"
    # Differencing: the quarter totals are shared by both tables and shown or hidden alike.
    for q in quarters:
        assert (("*", "*", q) in release.hidden) == (pub[("*", "*", q)] is None)


def test_bridge_cells_are_caught():
    # Two 2x2 blocks of small cells joined by one row: line checks alone would leave a bridge.
    table = {("a", "Q1"): 3, ("a", "Q2"): 4, ("b", "Q1"): 5, ("b", "Q2"): 6, ("c", "Q1"): 50, ("c", "Q2"): 60}
    release = protect(linked_tables({"x": table}, ["Q1", "Q2"]))
    assert attacker_recovers(release, published(release)) == {}
