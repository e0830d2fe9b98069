"""Calibration of the desk model on labelled benchmark data: reliability table, Brier score, ECE."""

from __future__ import annotations

import csv
from pathlib import Path


def _read_records(path: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r.pop("record_id") for r in rows], rows


def job_calibration(job: dict) -> dict:
    """Reliability of the desk model (``default_model``) on one labelled set's candidate pairs."""
    from benchmarks.default_model import labelled_evidence
    from retorno.people.matching import default_model
    from retorno.people.matching.calibration import (
        apply_platt,
        brier_score,
        expected_calibration_error,
        reliability_table,
    )

    _, records = _read_records(job["input"])
    truth = Path(job["truth"]).read_text(encoding="utf-8").split("\n")
    model = default_model()
    bits, labels = labelled_evidence(records, truth, model)
    out = {"pairs": len(bits), "true_pairs": int(labels.sum())}
    for name, calibration in (("calibrated", model.calibration), ("raw", None)):
        prob = apply_platt(bits, calibration)
        table = reliability_table(prob, labels)
        out[name] = {
            "brier": round(brier_score(prob, labels), 5),
            "ece": round(expected_calibration_error(table), 5),
            "table": [[b.low, b.high, b.pairs, round(b.predicted, 4), round(b.observed, 4)] for b in table],
        }
    return out


def calibration_lines(name: str, got: dict, say) -> None:
    if "error" in got:
        say(f"  calibration {name}: ERROR {got['error']}")
        return
    cal, raw = got["calibrated"], got["raw"]
    say(
        f"  calibration {name} (desk model, {got['pairs']} candidate pairs, {got['true_pairs']} true): "
        f"Brier {cal['brier']:.4f} ECE {cal['ece']:.4f} (uncalibrated: Brier {raw['brier']:.4f} ECE {raw['ece']:.4f})"
    )
    say("    band        pairs  predicted  observed")
    for low, high, pairs, predicted, observed in cal["table"]:
        say(f"    {low:.1f}-{high:.1f}  {pairs:>8}  {predicted:>9.3f}  {observed:>8.3f}")
