"""Rebuild ``retorno/people/matching/default_model.json``, the model used before a
registry has learned its own: ``python -m retorno.bench.default_model``.

It is learned (EM, no labels) from 50,000 generated Guatemalan records of seed 1,
the tuning seed; frequency tables keep only values seen at least five times.
"""

from __future__ import annotations

import json
import sys

from retorno.bench import gt_names
from retorno.people.matching import dedupe, encode
from retorno.people.matching.columns import INPUT_COLUMNS
from retorno.people.matching.scoring import DEFAULT_MODEL_PATH


def build(n_records: int = 50_000, seed: int = 1, min_count: int = 5) -> dict:
    """Learn the model and return it as a JSON-ready dict."""
    records, _ = gt_names.generate(n_records, seed)
    cols = encode({c: [r[c] for r in records] for c in INPUT_COLUMNS}, n_records)
    model = dedupe(cols).model
    data = model.to_dict(trim=False)
    data["tf"] = {
        name: {v: round(f, 7) for v, f in table.items() if f >= min_count * model.tf_default[name]}
        for name, table in model.tf.items()
    }
    return data


def main(argv: list[str] | None = None) -> None:
    data = build()
    DEFAULT_MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"wrote {DEFAULT_MODEL_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
