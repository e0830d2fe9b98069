"""Fellegi–Sunter weights learned from the data being matched (learning itself: ``learn``).

For each field and level, ``m`` is the chance that a true match shows that
level and ``u`` the chance that two different people do. Evidence is
log2(m/u) bits per field, summed with the prior odds of a candidate pair.

How the numbers are learned, with no labels:
- ``u`` from random pairs of records (almost all random pairs are different people);
- ``m`` and the prior by expectation-maximisation over the candidate pairs that
  blocking produces, started from the pairs that share an identifier (same CUI
  or other identifier) when there are enough of them;
- exact agreement on a name or birth date is frequency-adjusted: sharing a
  name that 1 in 30 people carry (López) counts for less than sharing one that
  1 in 50,000 carry (Xitumul). The bonus over an average value is capped, since
  rare surnames run in families and families are not independent draws.
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retorno.people.matching.calibration import apply_platt
from retorno.people.matching.columns import Columns
from retorno.people.matching.compare import FIELD_INDEX, FIELDS, HARD_NO, compare
from retorno.people.matching.fields import PREC_DAY

# Cap on the frequency bonus, in bits over an average value (see module doc).
TF_MAX_BONUS_BITS = 4.0
DEFAULT_THRESHOLD = 0.5
DEFAULT_REVIEW_THRESHOLD = 0.1
# Evidence of a hard rule (two valid CUIs, one flight): far below anything else can outweigh.
HARD_NO_BITS = -200.0


@dataclass
class Model:
    """Learned weights. JSON-serialisable with ``to_dict``/``from_dict``."""

    m: dict[str, list[float]]
    u: dict[str, list[float]]
    # Expected number of other records of the same person per record: the
    # prior for one pair in a registry of n records is this over n - 1.
    matches_per_record: float
    tf: dict[str, dict[str, float]] = field(default_factory=dict)
    # ``u`` of some fields among strangers who share surnames (relatives):
    # used instead of ``u`` when the surnames agree. See FAMILY_FIELDS.
    u_family: dict[str, list[float]] = field(default_factory=dict)
    # The same among strangers who share the first surname only (one second
    # surname unknown or different): used for those surname levels.
    u_first_surname: dict[str, list[float]] = field(default_factory=dict)
    tf_default: dict[str, float] = field(default_factory=dict)
    tf_max_bonus: float = TF_MAX_BONUS_BITS
    threshold: float = DEFAULT_THRESHOLD
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD
    n_records: int = 0
    em_iterations: int = 0
    # Map of the total evidence to a probability, fitted on labelled tuning
    # pairs (see ``calibration``); empty for a model learned without labels.
    calibration: dict = field(default_factory=dict)
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)

    def log_bf(self) -> list[np.ndarray]:
        """Per field, log2(m/u) per level (0 for level 0 and for unlearned fields)."""
        tables = []
        for spec in FIELDS:
            m = self.m.get(spec.name)
            u = self.u.get(spec.name)
            if not m or not u or len(m) != spec.size or len(u) != spec.size:
                # Unlearned, or learned before this field's levels changed: no evidence.
                tables.append(np.zeros(spec.size))
                continue
            bits = np.log2(np.asarray(m, dtype=float) / np.asarray(u, dtype=float))
            bits[0] = 0.0
            tables.append(bits)
        return tables

    def prior_bits(self, registry_size: int | None = None) -> float:
        """Prior log2-odds that a given pair of records is one person, in a
        registry of ``registry_size`` records (the training size by default)."""
        n = max(registry_size or self.n_records, 2)
        prior = min(max(self.matches_per_record / (n - 1), 1e-12), 0.5)
        return math.log2(prior / (1.0 - prior))

    def probability(self, total_bits: np.ndarray) -> np.ndarray:
        """Match probability from total evidence in bits (prior included), calibrated."""
        return apply_platt(total_bits, self.calibration)

    def to_dict(self, *, trim: bool = True) -> dict:
        """A JSON-ready dict; ``trim`` drops values seen once (they read as the default)."""
        tf = self.tf
        if trim:
            tf = {
                name: {v: f for v, f in table.items() if f > self.tf_default.get(name, 0) * 1.5}
                for name, table in tf.items()
            }
        return {
            "version": 1,
            "m": self.m,
            "u": self.u,
            "matches_per_record": self.matches_per_record,
            "tf": tf,
            "u_family": self.u_family,
            "u_first_surname": self.u_first_surname,
            "tf_default": self.tf_default,
            "tf_max_bonus": self.tf_max_bonus,
            "threshold": self.threshold,
            "review_threshold": self.review_threshold,
            "n_records": self.n_records,
            "em_iterations": self.em_iterations,
            "calibration": self.calibration,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        keys = ("m", "u", "matches_per_record", "tf", "tf_default", "tf_max_bonus", "threshold", "review_threshold")
        extra = {
            k: data[k]
            for k in ("n_records", "em_iterations", "u_family", "u_first_surname", "calibration")
            if k in data
        }
        return cls(**{k: data[k] for k in keys}, **extra)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Model:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


# Frequency tables: name -> (field group, vocab feature giving the value).
TF_TABLES = {
    "given": ("given", "key"),
    "surnames": ("surnames", "joint"),
    "first_surname": ("surnames", "w1"),
    "birth_date": ("birth", None),
}


def _tf_values(cols: Columns, table: str) -> np.ndarray:
    group, feature = TF_TABLES[table]
    if feature is not None:
        return cols.vocab[group][feature]
    v = cols.vocab["birth"]
    return np.array(
        [
            f"{y}-{m}-{d}" if p == PREC_DAY else ""
            for y, m, d, p in zip(v["y"], v["m"], v["d"], v["prec"], strict=False)
        ],
        dtype=object,
    )


def frequency_tables(cols: Columns) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Relative frequency of each value among records that have one, and the
    default (one occurrence) for values never seen."""
    tables, defaults = {}, {}
    for table, (group, _) in TF_TABLES.items():
        values = _tf_values(cols, table)
        counts = np.bincount(cols.ids[group], minlength=len(values))
        totals: dict[str, int] = {}
        for value, count in zip(values.tolist(), counts.tolist(), strict=False):
            if value and count:
                totals[value] = totals.get(value, 0) + count
        n = max(sum(totals.values()), 1)
        tables[table] = {v: c / n for v, c in totals.items()}
        defaults[table] = 1.0 / n
    return tables, defaults


def _tf_per_vocab(cols: Columns, model: Model, table: str) -> np.ndarray:
    key = ("tf", model.uid, table)
    if key not in cols.cache:
        freq = model.tf.get(table, {})
        default = model.tf_default.get(table, 1e-6)
        values = _tf_values(cols, table)
        cols.cache[key] = np.array([freq.get(v, default) for v in values.tolist()], dtype=float)
    return cols.cache[key]


# Relatives share surnames, places and (twins) birthdays, so for pairs whose
# surnames agree these agreements are weaker evidence than among strangers.
FAMILY_FIELDS = ("place", "address", "birth")
_SURNAMES = next(k for k, f in enumerate(FIELDS) if f.name == "surnames")
SURNAMES_AGREE = (1, 2, 3, 4, 5, 6, 7)
# Of those, the levels where only the first surname is seen to agree.
FIRST_SURNAME_ONLY = (3, 4)


def _relatives_u(model: Model, name: str, size: int) -> list[tuple[list[float], tuple[int, ...]]]:
    """(relatives' ``u``, surname levels it applies to) for field ``name``: the
    first-surname-only ``u`` for those levels when learned, the family ``u`` for the rest."""
    u_family = model.u_family.get(name)
    if not u_family or len(u_family) != size:
        return []
    u_first = model.u_first_surname.get(name)
    if not u_first or len(u_first) != size:
        return [(u_family, SURNAMES_AGREE)]
    both = tuple(level for level in SURNAMES_AGREE if level not in FIRST_SURNAME_ONLY)
    return [(u_family, both), (u_first, FIRST_SURNAME_ONLY)]


def field_bits(levels: np.ndarray, model: Model, ca: Columns, ia: np.ndarray) -> np.ndarray:
    """Evidence in bits per pair and field, frequency adjustments included.

    ``ca``/``ia`` are the left-hand records of the pairs: frequency-adjusted
    levels are exact agreements, so either side's value is the shared value.
    """
    tables = model.log_bf()
    bits = np.zeros(levels.shape, dtype=float)
    for k, spec in enumerate(FIELDS):
        bits[:, k] = tables[k][levels[:, k]]
        u = model.u.get(spec.name)
        if not u or len(u) != spec.size:
            continue
        related = np.zeros(len(levels), dtype=bool)
        for u_rel, agree in _relatives_u(model, spec.name, spec.size):
            chosen = np.isin(levels[:, _SURNAMES], agree)
            rel_bits = np.log2(np.asarray(model.m[spec.name]) / np.asarray(u_rel))
            rel_bits[0] = 0.0
            bits[chosen, k] = rel_bits[levels[chosen, k]]
            related |= chosen
        for level, table in spec.tf.items():
            # Among relatives the family ``u`` already says how common a value is.
            chosen = (levels[:, k] == level) & ~related
            if not chosen.any():
                continue
            group = TF_TABLES[table][0]
            tf = _tf_per_vocab(ca, model, table)[ca.ids[group][ia[chosen]]]
            adjust = np.log2(u[level]) - np.log2(np.maximum(tf, 1e-12))
            # A common value may weaken agreement to nothing, never below;
            # a rare one strengthens it by at most tf_max_bonus bits.
            bits[chosen, k] += np.clip(adjust, -tables[k][level], model.tf_max_bonus)
    _family_stratum(levels, bits)
    for name, level in HARD_NO:
        k = FIELD_INDEX[name]
        bits[levels[:, k] == level, k] = HARD_NO_BITS
    return bits


# The interaction of "same surnames and place" with given-name or birth-date
# disagreement. Pairs whose given names wholly differ, or whose birth years are
# five or more apart, and who still share surnames are relatives far more often
# than one person (twins, siblings, cousins, a father and the son named after
# him): in that stratum sharing surnames and a municipality is what relatives
# do, so it counts for nothing (never against), and the decision rests on the
# given names and birth dates. This is a conditional weight table, not a
# frequency (TF) adjustment, which says how rare a name is but not that
# relatives share it, nor a second-stage classifier, which would learn from
# EM's labels exactly the family pairs EM gets wrong and could not give reasons.
FAMILY_DISAGREE = {"given": (7,), "birth": (9, 10)}
_FAMILY_SHARED = ("surnames", "place")


def _family_stratum(levels: np.ndarray, bits: np.ndarray) -> None:
    related = np.isin(levels[:, _SURNAMES], SURNAMES_AGREE)
    disagree = np.zeros(len(levels), dtype=bool)
    for name, bad in FAMILY_DISAGREE.items():
        disagree |= np.isin(levels[:, FIELD_INDEX[name]], bad)
    chosen = related & disagree
    if chosen.any():
        for name in _FAMILY_SHARED:
            k = FIELD_INDEX[name]
            bits[chosen, k] = np.minimum(bits[chosen, k], 0.0)


def total_bits(levels: np.ndarray, model: Model, ca: Columns, ia: np.ndarray, chunk: int = 1_000_000) -> np.ndarray:
    """Summed evidence per pair (no prior), computed in chunks to bound memory."""
    out = np.zeros(len(levels), dtype=np.float64)
    for start in range(0, len(levels), chunk):
        stop = start + chunk
        out[start:stop] = field_bits(levels[start:stop], model, ca, ia[start:stop]).sum(axis=1)
    return out


def probabilities(total_bits: np.ndarray) -> np.ndarray:
    """Match probability from total evidence in bits (prior included)."""
    return 1.0 / (1.0 + np.exp2(-np.clip(total_bits, -60, 60)))


def score_pairs(
    model: Model, ca: Columns, ia: np.ndarray, cb: Columns, ib: np.ndarray, registry_size: int | None = None
):
    """(probabilities, levels, bits per field) for pairs of rows."""
    levels = compare(ca, ia, cb, ib)
    bits = field_bits(levels, model, ca, np.asarray(ia))
    return model.probability(bits.sum(axis=1) + model.prior_bits(registry_size)), levels, bits
