"""Rebuild ``retorno/people/matching/default_model.json``, the model used before a
registry has learned its own (and by the check-in desk): ``python -m benchmarks.default_model``.

It is learned (EM, no labels) from 30,000 generated Guatemalan records and
30,000 family-aware records (``gt_families``, setting ``tune``), both of seed 1,
the tuning seed; frequency tables keep only values seen at least five times.
Then its probabilities are calibrated (isotonic regression, ``matching/calibration.py``)
on the labelled candidate pairs of those same tuning records. The benchmark
checks the calibration on other seeds and corruption settings.
"""

from __future__ import annotations

import json
import sys

import numpy as np

from benchmarks import gt_families, gt_names
from retorno.people.matching import dedupe, encode
from retorno.people.matching.blocking import candidate_pairs
from retorno.people.matching.calibration import fit_isotonic
from retorno.people.matching.columns import INPUT_COLUMNS, OPTIONAL_COLUMNS
from retorno.people.matching.compare import compare
from retorno.people.matching.model import Model, field_bits
from retorno.people.matching.scoring import DEFAULT_MODEL_PATH


def tuning_records(n_records: int = 60_000, seed: int = 1) -> tuple[list[dict], list]:
    half = n_records // 2
    plain, plain_truth = gt_names.generate(half, seed)
    families, family_truth = gt_families.generate(n_records - half, seed, "tune")
    return plain + families, [f"g{t}" for t in plain_truth] + [f"f{t}" for t in family_truth]


def columns_of(records: list[dict]):
    wanted = [c for c in INPUT_COLUMNS + OPTIONAL_COLUMNS if records and c in records[0]]
    return encode({c: [r.get(c, "") for r in records] for c in wanted}, len(records))


def labelled_evidence(records: list[dict], truth: list, model: Model) -> tuple[np.ndarray, np.ndarray]:
    """(total evidence in bits with the prior for this many records, is a true match) per candidate pair."""
    cols = columns_of(records)
    a, b = candidate_pairs(cols)
    levels = compare(cols, a, cols, b)
    bits = field_bits(levels, model, cols, a).sum(axis=1) + model.prior_bits(cols.n)
    labels = np.asarray(truth, dtype=object)
    return bits, labels[a] == labels[b]


def build(n_records: int = 60_000, seed: int = 1, min_count: int = 5) -> dict:
    """Learn and calibrate the model; return it as a JSON-ready dict."""
    records, truth = tuning_records(n_records, seed)
    model = dedupe(columns_of(records)).model
    bits, labels = labelled_evidence(records, truth, model)
    model.calibration = fit_isotonic(bits, labels)
    data = model.to_dict(trim=False)
    data["tf"] = {
        name: {v: round(f, 7) for v, f in table.items() if f >= min_count * model.tf_default[name]}
        for name, table in model.tf.items()
    }
    return data


def main(argv: list[str] | None = None) -> None:
    data = build()
    DEFAULT_MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"wrote {DEFAULT_MODEL_PATH} (calibration {data['calibration']})", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
