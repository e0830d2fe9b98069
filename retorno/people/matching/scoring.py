"""Scoring a probe record against given candidates: the ORM path and ``score``."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from retorno.people.matching.columns import Columns, encode_records
from retorno.people.matching.compare import FIELDS
from retorno.people.matching.model import Model, score_pairs
from retorno.people.matching.reasons import Reason

DEFAULT_MODEL_PATH = Path(__file__).with_name("default_model.json")


class Candidate(NamedTuple):
    """A possible match: who, how likely, how much evidence (bits), and why."""

    person_id: Hashable
    probability: float
    weight: float
    reasons: tuple[Reason, ...]


@cache
def default_model() -> Model:
    """The model shipped with Retorno, learned from synthetic Guatemalan records.

    Use it until the registry is large enough to learn its own (``match dedupe
    --model-out``); its weights are relative, so it transfers between registries.
    """
    return Model.load(DEFAULT_MODEL_PATH)


def reasons_for(levels: np.ndarray, bits: np.ndarray) -> tuple[Reason, ...]:
    """Reasons for one pair (one row of levels and of bits), strongest first."""
    found = [
        Reason(spec.levels[level - 1], spec.name, round(float(bits[k]), 2))
        for k, (spec, level) in enumerate(zip(FIELDS, levels.tolist(), strict=False))
        if level > 0
    ]
    return tuple(sorted(found, key=lambda r: -abs(r.weight)))


def rank_rows(
    model: Model,
    probe: Columns,
    store: Columns,
    rows: np.ndarray,
    ids: list[Hashable] | np.ndarray,
    *,
    limit: int,
    min_probability: float,
    registry_size: int | None = None,
) -> list[Candidate]:
    """Score row 0 of ``probe`` against ``rows`` of ``store``; best ``limit`` first."""
    if len(rows) == 0:
        return []
    zeros = np.zeros(len(rows), dtype=np.int64)
    prob, levels, bits = score_pairs(model, probe, zeros, store, rows, registry_size)
    order = np.argsort(-prob, kind="stable")[:limit]
    total = bits.sum(axis=1) + model.prior_bits(registry_size)
    return [
        Candidate(ids[int(rows[k])], float(prob[k]), round(float(total[k]), 2), reasons_for(levels[k], bits[k]))
        for k in order.tolist()
        if prob[k] >= min_probability
    ]


def rank_candidates(
    probe: Mapping,
    candidates: Iterable[tuple[Hashable, Mapping]],
    model: Model | None = None,
    *,
    limit: int = 10,
    min_probability: float = 0.01,
    registry_size: int | None = None,
) -> list[Candidate]:
    """Score ``probe`` against ``(person_id, record)`` candidates; most likely first.

    The database path: fetch the persons that share a blocking key with the
    probe, turn each into a record dict, and call this. ``registry_size`` (the
    number of persons) sets the prior; it defaults to the model's training size.
    """
    model = model or default_model()
    pairs = list(candidates)
    if not pairs:
        return []
    ids = [pid for pid, _ in pairs]
    store = encode_records([rec for _, rec in pairs])
    rows = np.arange(len(pairs), dtype=np.int64)
    probe_cols = encode_records([probe])
    return rank_rows(
        model, probe_cols, store, rows, ids, limit=limit, min_probability=min_probability, registry_size=registry_size
    )


def score(
    a: Mapping, b: Mapping, model: Model | None = None, *, registry_size: int | None = None
) -> tuple[float, tuple[Reason, ...]]:
    """Probability that records ``a`` and ``b`` are the same person, and why.

    The probability depends on the registry's size through the prior (two
    "José López" records are likelier the same person in a registry of 100
    than in one of a million); it defaults to the model's training size.
    """
    model = model or default_model()
    ca, cb = encode_records([a]), encode_records([b])
    zero = np.zeros(1, dtype=np.int64)
    prob, levels, bits = score_pairs(model, ca, zero, cb, zero, registry_size)
    return float(prob[0]), reasons_for(levels[0], bits[0])
