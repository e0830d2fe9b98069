"""Comparison levels: for each pair of records and each field, how well they agree.

Level 0 always means "cannot tell" (a value is missing on one side) and carries
no evidence. Higher levels are ordered from strong agreement to disagreement;
the first level whose condition holds wins. Each level has a reason code that
explains a score in words ("surnames_phonetic", "birth_date_day_month_swapped").

All comparisons are vectorised over pairs: the same functions score one probe
against its candidates in real time and ten million candidate pairs in a batch.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

from retorno.people.matching.columns import Columns, swap_names
from retorno.people.matching.fields import PREC_DAY, PREC_ESTIMATED
from retorno.people.matching.levels import FIELD_INDEX, FIELDS, HARD_NO, FieldSpec

__all__ = ["FIELDS", "FIELD_INDEX", "HARD_NO", "FieldSpec", "Pairs", "compare"]

# String similarity cut-offs. Jaro-Winkler 0.88 is about "one typo in a
# name"; addresses are compared as bags of words.
NAME_SIMILAR = 0.88
ADDRESS_SIMILAR = 85.0
ADDRESS_CONTAINED = 95.0


class Pairs:
    """Pairs of rows: row ``ia[k]`` of ``ca`` against row ``ib[k]`` of ``cb``."""

    def __init__(self, ca: Columns, ia: np.ndarray, cb: Columns, ib: np.ndarray):
        self.ca, self.ia, self.cb, self.ib = ca, ia, cb, ib
        self.n = len(ia)

    def a(self, group: str, feature: str) -> np.ndarray:
        return self.ca.get(group, feature, self.ia)

    def b(self, group: str, feature: str) -> np.ndarray:
        return self.cb.get(group, feature, self.ib)

    def length(self, side: str, group: str, feature: str) -> np.ndarray:
        """Length of a string feature on one side ("a" or "b") of each pair."""
        cols, rows = (self.ca, self.ia) if side == "a" else (self.cb, self.ib)
        return _vocab_lengths(cols, group, feature)[cols.ids[group][rows]]

    def _distinct(self, group: str, feature: str, mask: np.ndarray, feature_b: str):
        """The distinct (left, right) string pairs under ``mask``, and where each pair goes."""
        ida = self.ca.ids[group][self.ia[mask]].astype(np.int64)
        idb = self.cb.ids[group][self.ib[mask]].astype(np.int64)
        nb = self.cb.vocab_size(group)
        uniq, inverse = np.unique(ida * nb + idb, return_inverse=True)
        return uniq // nb, uniq % nb, inverse.ravel()

    def similarity(self, group: str, feature: str, mask: np.ndarray, scorer, feature_b: str = "") -> np.ndarray:
        """``scorer`` on the strings of the masked pairs, once per distinct value pair
        (``feature`` on the left against ``feature_b``, default the same, on the right)."""
        out = np.zeros(self.n, dtype=np.float64)
        if not mask.any():
            return out
        ua, ub, inverse = self._distinct(group, feature, mask, feature_b)
        left = self.ca.vocab[group][feature][ua]
        right = self.cb.vocab[group][feature_b or feature][ub]
        out[mask] = _cpdist(left, right, scorer)[inverse]
        return out

    def close(self, group: str, feature: str, mask: np.ndarray, feature_b: str = "") -> np.ndarray:
        """Pairs one slip apart (see ``_close``), computed once per distinct pair."""
        out = np.zeros(self.n, dtype=bool)
        if not mask.any():
            return out
        ua, ub, inverse = self._distinct(group, feature, mask, feature_b)
        left = self.ca.vocab[group][feature][ua]
        right = self.cb.vocab[group][feature_b or feature][ub]
        near = _cpdist(left, right, JaroWinkler.normalized_similarity) >= NAME_SIMILAR
        lengths = np.minimum(
            _vocab_lengths(self.ca, group, feature)[ua], _vocab_lengths(self.cb, group, feature_b or feature)[ub]
        )
        todo = ~near & (lengths >= 4)
        if todo.any():
            near[todo] = _cpdist(left[todo], right[todo], OSA.distance) <= 1
        out[mask] = near[inverse]
        return out


def _vocab_lengths(cols: Columns, group: str, feature: str) -> np.ndarray:
    """Length of each distinct value of a string feature (cached)."""
    key = ("len", group, feature)
    if key not in cols.cache:
        values = cols.vocab[group][feature]
        cols.cache[key] = np.fromiter((len(v) for v in values), np.int32, len(values))
    return cols.cache[key]


def _cpdist(left: np.ndarray, right: np.ndarray, scorer) -> np.ndarray:
    # Both cores for big batches; threads cost more than they save on a few pairs.
    workers = 2 if len(left) > 20_000 else 1
    return np.asarray(process.cpdist(left.tolist(), right.tolist(), scorer=scorer, workers=workers), dtype=np.float64)


class _Levels:
    """Assigns levels in order: the first condition that holds wins."""

    def __init__(self, n: int, missing: np.ndarray, last: int):
        self.levels = np.full(n, last, dtype=np.int8)
        self.levels[missing] = 0
        self.unset = ~missing

    def set(self, level: int, cond: np.ndarray) -> None:
        chosen = self.unset & cond
        self.levels[chosen] = level
        self.unset &= ~chosen


def _close(p: Pairs, group: str, feature: str, mask: np.ndarray, feature_b: str = "") -> np.ndarray:
    """One slip apart: Jaro-Winkler >= NAME_SIMILAR, or one edit (or swap of
    neighbours) between words of four letters or more ("Rony"/"Roqy")."""
    return p.close(group, feature, mask, feature_b)


def _close_words(p: Pairs, written: str, phon: str, mask: np.ndarray, written_b: str = "", phon_b: str = ""):
    """Given-name words one slip apart as written or as sound."""
    near = _close(p, "given", written, mask, written_b)
    return near | _close(p, "given", phon, mask & ~near, phon_b)


def _given(p: Pairs) -> np.ndarray:
    ka, kb = p.a("given", "h_key"), p.b("given", "h_key")
    out = _Levels(p.n, (ka == 0) | (kb == 0), GIVEN_DIFFER)
    out.set(1, ka == kb)
    out.set(2, p.a("given", "h_phon_key") == p.b("given", "h_phon_key"))
    p1a, p1b = p.a("given", "h_p1"), p.b("given", "h_p1")
    p2a, p2b = p.a("given", "h_p2"), p.b("given", "h_p2")
    na, nb = p.a("given", "count"), p.b("given", "count")
    # One record lacks a given name the other has ("José Luis" / "José", or
    # "José Luis" / "Luis" for someone who goes by the second name).
    a_in_b = (na < nb) & ((p1a == p1b) | ((na == 1) & (p1a == p2b))) & ((na == 1) | (p2a == p2b))
    b_in_a = (nb < na) & ((p1a == p1b) | ((nb == 1) & (p1b == p2a))) & ((nb == 1) | (p2a == p2b))
    out.set(3, a_in_b | b_in_a)
    # Typos, name by name: first names one slip apart (as written or as
    # sound), and second ones too or absent. Not on the whole string: there
    # "José Luis" and "José Carlos" would look alike for their shared start.
    todo = out.unset.copy()
    first = (p1a == p1b) | _close_words(p, "t1", "p1", todo & (p1a != p1b))
    one_missing = (p2a == 0) | (p2b == 0)
    second = one_missing | (p2a == p2b) | _close_words(p, "t2", "p2", todo & first & ~one_missing)
    # A lone given name close to the other record's second one ("Snadra" / "Gabriela Sandra").
    cross = _close_words(p, "t1", "p1", todo & ~first & (na == 1) & (p2b != 0), "t2", "p2")
    cross |= _close_words(p, "t2", "p2", todo & ~first & ~cross & (nb == 1) & (p2a != 0), "t1", "p1")
    out.set(4, (first & second) | cross)
    share = (p1a == p1b) | ((p2a != 0) & ((p2a == p1b) | (p2a == p2b))) | ((p2b != 0) & (p1a == p2b))
    out.set(5, share)
    return out.levels


def _surname_part_similar(p: Pairs, written: str, phon: str, mask: np.ndarray) -> np.ndarray:
    """Per surname: same sound, or one slip apart as written or as sound."""
    same = p.a("surnames", "h_" + phon) == p.b("surnames", "h_" + phon)
    rest = mask & ~same
    return same | _close(p, "surnames", written, rest) | _close(p, "surnames", phon, rest)


def _surnames(p: Pairs) -> np.ndarray:
    w1a, w1b = p.a("surnames", "h_w1"), p.b("surnames", "h_w1")
    w2a, w2b = p.a("surnames", "h_w2"), p.b("surnames", "h_w2")
    p1a, p1b = p.a("surnames", "h_p1"), p.b("surnames", "h_p1")
    p2a, p2b = p.a("surnames", "h_p2"), p.b("surnames", "h_p2")
    out = _Levels(p.n, (w1a == 0) | (w1b == 0), 8)
    both = (w2a != 0) & (w2b != 0)
    out.set(1, both & (w1a == w1b) & (w2a == w2b))
    out.set(2, both & (p1a == p1b) & (p2a == p2b))
    out.set(3, ~both & (w1a == w1b))
    out.set(4, ~both & (p1a == p1b))
    swapped_both = both & (p1a == p2b) & (p2a == p1b)
    # One record has a single surname that is the other's second surname.
    swapped_one = ~both & (((w2a == 0) & (p1a == p2b)) | ((w2b == 0) & (p1b == p2a)))
    out.set(5, swapped_both | swapped_one)
    first = _surname_part_similar(p, "w1", "p1", out.unset.copy())
    second = _surname_part_similar(p, "w2", "p2", out.unset & both & first)
    out.set(6, first & (second | ~both))
    out.set(7, both & first)
    return out.levels


def _birth(p: Pairs) -> np.ndarray:
    ya, yb = p.a("birth", "y"), p.b("birth", "y")
    ma, mb = p.a("birth", "m"), p.b("birth", "m")
    da, db = p.a("birth", "d"), p.b("birth", "d")
    pa, pb = p.a("birth", "prec"), p.b("birth", "prec")
    out = _Levels(p.n, (ya == 0) | (yb == 0), 10)
    full = (pa == PREC_DAY) & (pb == PREC_DAY)
    same_y = ya == yb
    dy = np.abs(ya - yb)
    out.set(1, full & same_y & (ma == mb) & (da == db))
    out.set(2, full & same_y & (ma == db) & (da == mb))
    out.set(3, full & (ma == mb) & (da == db) & (dy == 1))
    typo = full & (same_y & ((ma == mb) | (da == db)))
    typo |= p.similarity("birth", "digits", out.unset & full & ~typo, OSA.distance) == 1
    out.set(4, typo)
    estimated = (pa == PREC_ESTIMATED) | (pb == PREC_ESTIMATED)
    month_ok = (ma == mb) | (ma == 0) | (mb == 0)
    # Not both full dates: at least one day is unknown, so agreement on what
    # both know (year, and month when both have it) is all we can ask.
    compatible = (estimated & (dy <= 2)) | (~full & same_y & month_ok)
    out.set(5, compatible)
    out.set(6, same_y)
    out.set(7, dy <= 1)
    # How far apart: siblings are a few years apart, a father and the son who
    # bears his name 18 to 30; a clerk's slip is rarely more than one year.
    out.set(8, dy <= 4)
    out.set(9, dy <= 14)
    return out.levels


def _cui(p: Pairs) -> np.ndarray:
    ha, hb = p.a("cui", "h_digits"), p.b("cui", "h_digits")
    out = _Levels(p.n, (ha == 0) | (hb == 0), 4)
    out.set(1, ha == hb)
    dist = p.similarity("cui", "digits", out.unset, OSA.distance)
    one = out.unset & (dist == 1)
    valid_a, valid_b = p.a("cui", "valid"), p.b("cui", "valid")
    # One digit off and exactly one of the two fails the check digit: almost
    # surely a typing error of the valid one.
    out.set(2, one & (valid_a != valid_b))
    # Both pass the check and differ where it applies: two people (HARD_NO).
    out.set(5, valid_a & valid_b & (p.a("cui", "h_checked") != p.b("cui", "h_checked")))
    out.set(3, one)
    return out.levels


def _other_id(p: Pairs) -> np.ndarray:
    ha, hb = p.a("other_id", "h_value"), p.b("other_id", "h_value")
    out = _Levels(p.n, (ha == 0) | (hb == 0), 3)
    out.set(1, ha == hb)
    dist = p.similarity("other_id", "value", out.unset, OSA.distance)
    out.set(2, dist == 1)
    return out.levels


def _sex(p: Pairs) -> np.ndarray:
    sa, sb = p.a("sex", "code"), p.b("sex", "code")
    out = _Levels(p.n, (sa == 0) | (sb == 0), 2)
    out.set(1, sa == sb)
    return out.levels


def _place(p: Pairs) -> np.ndarray:
    """Recorded origin first; then the CUI's place of registration (its last four
    digits), which speaks for a thin record with no municipality typed."""
    ma, mb = p.a("place", "h_muni"), p.b("place", "h_muni")
    da, db = p.a("place", "h_dept"), p.b("place", "h_dept")
    ra, rb = p.a("cui", "h_place"), p.b("cui", "h_place")
    rda, rdb = p.a("cui", "h_place_dept"), p.b("cui", "h_place_dept")
    missing = ((ma == 0) & (da == 0) & (ra == 0)) | ((mb == 0) & (db == 0) & (rb == 0))
    out = _Levels(p.n, missing, 4)
    out.set(1, (ma != 0) & (ma == mb))
    # One record's CUI place against the other's recorded municipality (two CUIs'
    # places are not compared: the CUI comparison already weighs the whole number).
    registered = ((ra != 0) & (ra == mb)) | ((rb != 0) & (rb == ma))
    out.set(2, registered)
    same_dept = ((da != 0) & ((da == db) | (da == rdb))) | ((rda != 0) & (rda == db))
    out.set(3, same_dept)
    return out.levels


def _flight(p: Pairs) -> np.ndarray:
    """Level 1 when both records came on the same flight (a hard rule), else 0."""
    fa, fb = p.a("flight", "h_value"), p.b("flight", "h_value")
    return ((fa != 0) & (fa == fb)).astype(np.int8)


def _address(p: Pairs) -> np.ndarray:
    ha, hb = p.a("address", "h_text"), p.b("address", "h_text")
    out = _Levels(p.n, (ha == 0) | (hb == 0), 3)
    out.set(1, ha == hb)
    sim = p.similarity("address", "text", out.unset, fuzz.token_sort_ratio)
    # One address holding the other's words ("26 groom street young" within
    # "26 groom street binbimbie young"), when both say enough to mean it.
    contained = p.similarity("address", "text", out.unset & (sim < ADDRESS_SIMILAR), fuzz.token_set_ratio)
    long_enough = np.minimum(p.length("a", "address", "text"), p.length("b", "address", "text")) >= 12
    out.set(2, (sim >= ADDRESS_SIMILAR) | ((contained >= ADDRESS_CONTAINED) & long_enough))
    return out.levels


_COMPARE = {
    "given": _given,
    "surnames": _surnames,
    "birth": _birth,
    "cui": _cui,
    "other_id": _other_id,
    "sex": _sex,
    "place": _place,
    "address": _address,
    "flight": _flight,
}


def compare(ca: Columns, ia: np.ndarray, cb: Columns, ib: np.ndarray) -> np.ndarray:
    """Levels of every field for each pair: an (n_pairs, n_fields) int8 array."""
    ia, ib = np.asarray(ia), np.asarray(ib)
    pairs = Pairs(ca, ia, cb, ib)
    out = np.zeros((pairs.n, len(FIELDS)), dtype=np.int8)
    if pairs.n == 0:
        return out
    for k, spec in enumerate(FIELDS):
        out[:, k] = _COMPARE[spec.name](pairs)
    _names_swapped(out, ca, ia, cb, ib)
    return out


GIVEN_DIFFER = 7
_GIVEN, _SURNAMES = 0, 1


def _names_swapped(out: np.ndarray, ca: Columns, ia: np.ndarray, cb: Columns, ib: np.ndarray) -> None:
    """Where neither names nor surnames agree, try them crosswise; if they agree
    that way, record given names as "names_swapped" and the crosswise surname level.

    Both directions are tried (each side's names swapped) so the result does not
    depend on which record is on the left.
    """
    weak = (out[:, _GIVEN] >= 5) & (out[:, _SURNAMES] >= 7)
    if not weak.any():
        return
    rows = np.flatnonzero(weak)
    best = np.full(len(rows), 99, dtype=np.int8)
    for left, right in ((ca, swap_names(cb)), (swap_names(ca), cb)):
        crossed = Pairs(left, ia[rows], right, ib[rows])
        given = _given(crossed)
        surnames = _surnames(crossed)
        agree = (given >= 1) & (given <= 4) & (surnames >= 1) & (surnames <= 6)
        best = np.where(agree, np.minimum(best, surnames), best)
    found = best < 99
    out[rows[found], _GIVEN] = GIVEN_DIFFER - 1
    out[rows[found], _SURNAMES] = best[found]
