"""Probabilities that mean what they say: calibration and how to check it.

Fellegi–Sunter sums evidence as if fields were independent; they are not
(relatives share surnames, place and sometimes a birthday), so raw
probabilities are over-confident where it matters, in the middle. A
non-decreasing map of the total evidence (isotonic regression, kept as knots)
is fitted on labelled pairs of the tuning data and shipped with the model;
``Model.probability`` applies it, so every screen that shows a percentage
shows the calibrated one. (Platt scaling, two parameters, is also provided; it
could not bend the middle bands enough.)

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


def fit_isotonic(log2_odds: np.ndarray, labels: np.ndarray, span: int = 20) -> dict[str, list[float]]:
    """A non-decreasing map from evidence to probability (pool-adjacent-violators), as knots.

    Pairs are first grouped by evidence rounded to whole bits within ±``span``
    (one group each beyond), so the few pairs in the uncertain middle get knots
    of their own; the groups' observed shares are then made non-decreasing by
    pooling, and each group becomes a knot (its mean evidence, its pooled
    share). Between knots the map is linear; beyond them it keeps the end values.
    """
    x = np.clip(np.asarray(log2_odds, dtype=float), -60, 60)
    y = np.asarray(labels, dtype=float)
    group = np.clip(np.round(x), -span - 1, span + 1)
    blocks = [
        [float(x[group == g].mean()), float(y[group == g].sum()), float((group == g).sum())] for g in np.unique(group)
    ]
    pooled: list[list[float]] = []
    for block in blocks:
        pooled.append(block)
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] > pooled[-1][1] / pooled[-1][2]:
            right = pooled.pop()
            left = pooled[-1]
            left[0] = (left[0] * left[2] + right[0] * right[2]) / (left[2] + right[2])
            left[1] += right[1]
            left[2] += right[2]
    return {
        "bits": [round(b[0], 4) for b in pooled],
        "probability": [round(b[1] / b[2], 6) for b in pooled],
    }


def apply_platt(log2_odds: np.ndarray, calibration: dict | None) -> np.ndarray:
    """Probabilities from total evidence (prior included), calibrated when a map is given:
    a knot table (``fit_isotonic``) or a logistic map (``fit_platt``)."""
    bits = np.clip(np.asarray(log2_odds, dtype=float), -60, 60)
    if not calibration:
        return 1.0 / (1.0 + np.exp2(-bits))
    if "bits" in calibration:
        return np.interp(bits, calibration["bits"], calibration["probability"])
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
