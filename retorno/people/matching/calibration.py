"""Probabilities that mean what they say: calibration and how to check it.

Fellegi–Sunter sums evidence as if fields were independent; they are not
(relatives share surnames, place and sometimes a birthday), so raw
probabilities are over-confident. A two-parameter logistic map of the total
evidence (Platt scaling) is fitted on labelled pairs of the tuning data and
shipped with the model; ``Model.probability`` applies it, so every screen that
shows a percentage shows the calibrated one.

Checked with a reliability table (predicted against observed share of true
matches per probability band), the Brier score and the expected calibration
error (ECE: the band-size-weighted mean gap between predicted and observed).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np


def fit_platt(log2_odds: np.ndarray, labels: np.ndarray, iterations: int = 50) -> dict[str, float]:
    """``slope`` and ``intercept`` such that sigmoid(slope * ln2 * bits + intercept) fits ``labels``.

    Logistic regression on one feature by Newton's method (a tiny ridge keeps it
    finite when the classes separate).
    """
    x = np.clip(np.asarray(log2_odds, dtype=float), -60, 60) * math.log(2)
    y = np.asarray(labels, dtype=float)
    a, b = 1.0, 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(a * x + b)))
        w = p * (1 - p) + 1e-9
        grad = np.array([((p - y) * x).sum() + 1e-3 * (a - 1), (p - y).sum()])
        hess = np.array([[(w * x * x).sum() + 1e-3, (w * x).sum()], [(w * x).sum(), w.sum() + 1e-9]])
        step = np.linalg.solve(hess, grad)
        a, b = a - step[0], b - step[1]
        if abs(step).max() < 1e-9:
            break
    return {"slope": round(float(a), 6), "intercept": round(float(b), 6)}


def apply_platt(log2_odds: np.ndarray, calibration: dict[str, float] | None) -> np.ndarray:
    """Probabilities from total evidence (prior included), calibrated when a map is given."""
    bits = np.clip(np.asarray(log2_odds, dtype=float), -60, 60)
    if not calibration:
        return 1.0 / (1.0 + np.exp2(-bits))
    z = calibration["slope"] * bits * math.log(2) + calibration["intercept"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -700, 700)))


class Band(NamedTuple):
    """One row of a reliability table."""

    low: float
    high: float
    pairs: int
    predicted: float  # mean predicted probability in the band
    observed: float  # share of true matches in the band


def reliability_table(probability: np.ndarray, labels: np.ndarray, bands: int = 10) -> list[Band]:
    """Pairs grouped into equal-width probability bands (the last band includes 1.0)."""
    p = np.asarray(probability, dtype=float)
    y = np.asarray(labels, dtype=float)
    which = np.minimum((p * bands).astype(int), bands - 1)
    rows = []
    for k in range(bands):
        mask = which == k
        n = int(mask.sum())
        rows.append(
            Band(
                k / bands, (k + 1) / bands, n, float(p[mask].mean()) if n else 0.0, float(y[mask].mean()) if n else 0.0
            )
        )
    return rows


def expected_calibration_error(table: list[Band]) -> float:
    total = sum(b.pairs for b in table)
    return sum(b.pairs * abs(b.predicted - b.observed) for b in table) / total if total else 0.0


def brier_score(probability: np.ndarray, labels: np.ndarray) -> float:
    p = np.asarray(probability, dtype=float)
    return float(((p - np.asarray(labels, dtype=float)) ** 2).mean()) if len(p) else 0.0
