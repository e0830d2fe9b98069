"""Learning a ``Model`` with no labels: ``u`` from random pairs, ``m`` by EM in sessions,
the relatives' ``u``, frequency tables and the prior (see ``model`` for what they mean)."""

from __future__ import annotations

import math

import numpy as np

from retorno.people.matching.columns import Columns
from retorno.people.matching.compare import FIELDS, compare
from retorno.people.matching.fields import PREC_DAY
from retorno.people.matching.model import FAMILY_FIELDS, Model, frequency_tables, total_bits

# Training sessions, as in Splink: EM runs on pairs that agree exactly on some
# fields, and learns ``m`` only for the other fields, whose disagreements among
# such pairs look like those of random pairs (so the fixed ``u`` fits them).
# Sex is left out of the name session: namesakes share their sex.
SESSIONS: dict[str, frozenset[str]] = {
    "birth_date": frozenset({"birth"}),
    "names": frozenset({"given", "surnames", "sex"}),
    "identifier": frozenset({"cui", "other_id"}),
}
# Which session to trust for each field's ``m``, first choice first.
# Records that share an identifier are first choice for given names and birth
# date: relatives never share a CUI, while twins share a birth date and a father
# and the son who bears his name share the names, so the other sessions let
# relatives pass for matches and teach that a wholly different given name or a
# birth 20 years apart is common in a true match.
M_SOURCE: dict[str, tuple[str, ...]] = {
    "given": ("identifier", "birth_date"),
    "surnames": ("birth_date", "identifier"),
    "sex": ("birth_date", "identifier"),
    "birth": ("identifier", "names"),
    "place": ("birth_date", "names", "identifier"),
    "address": ("birth_date", "names", "identifier"),
    "cui": ("birth_date", "names"),
    "other_id": ("birth_date", "names"),
}
MIN_SESSION_PAIRS = 200
M_PSEUDO = 0.002
MAX_SESSION_PAIRS = 500_000


def _level_shares(levels: np.ndarray, pseudo: float = 0.5) -> dict[str, list[float]]:
    """Share of each level among pairs where the field is known (level > 0)."""
    out = {}
    for k, spec in enumerate(FIELDS):
        counts = np.bincount(levels[:, k], minlength=spec.size)[: spec.size].astype(float)
        known = counts[1:]
        if known.sum() <= 0:
            continue
        shares = (known + pseudo) / (known.sum() + pseudo * len(known))
        out[spec.name] = [1.0, *shares.tolist()]
    return out


def estimate_u(cols: Columns, rng: np.random.Generator, n_pairs: int = 500_000) -> dict[str, list[float]]:
    """``u`` from random pairs of records: the share of each level among strangers."""
    n = cols.n
    n_pairs = min(n_pairs, max(n * (n - 1) // 2, 1))
    i = rng.integers(0, n, n_pairs)
    j = rng.integers(0, n, n_pairs)
    keep = i != j
    levels = compare(cols, i[keep], cols, j[keep])
    return _level_shares(levels, pseudo=0.5)


def _default_m(spec_size: int) -> list[float]:
    """A neutral start: agreement levels likely, the last (disagreement) unlikely."""
    raw = np.array([1.0 / (k + 1) for k in range(spec_size - 2)] + [0.05])
    return [1.0, *(raw / raw.sum()).tolist()]


def expectation_maximisation(
    levels: np.ndarray,
    u: dict[str, list[float]],
    m_start: dict[str, list[float]],
    prior: float = 0.1,
    max_iter: int = 200,
) -> tuple[dict[str, list[float]], float, int]:
    """EM for ``m`` and the share of matches with ``u`` held fixed.

    Fields absent from ``u`` are ignored. Returns (m, share of matches, iterations).
    """
    active = [k for k, spec in enumerate(FIELDS) if spec.name in u and (levels[:, k] > 0).any()]
    if not active:
        return {}, prior, 0
    radix = np.array([FIELDS[k].size for k in active], dtype=np.int64)
    codes = np.zeros(len(levels), dtype=np.int64)
    for k, r in zip(active, radix, strict=False):
        codes = codes * r + levels[:, k]
    patterns, counts = np.unique(codes, return_counts=True)
    # Decode each distinct pattern back into its levels.
    pat = np.zeros((len(patterns), len(active)), dtype=np.int64)
    rest = patterns.copy()
    for col in range(len(active) - 1, -1, -1):
        pat[:, col] = rest % radix[col]
        rest //= radix[col]
    log_u = np.zeros(len(patterns))
    for col, k in enumerate(active):
        log_u += np.log(np.asarray(u[FIELDS[k].name]))[pat[:, col]]
    m = {FIELDS[k].name: list(m_start.get(FIELDS[k].name) or _default_m(FIELDS[k].size)) for k in active}
    it = 0
    for it in range(1, max_iter + 1):  # noqa: B007 (returned: iterations run)
        log_m = np.zeros(len(patterns))
        for col, k in enumerate(active):
            log_m += np.log(np.asarray(m[FIELDS[k].name]))[pat[:, col]]
        gap = (math.log(1 - prior) + log_u) - (math.log(prior) + log_m)
        post = 1.0 / (1.0 + np.exp(np.clip(gap, -700, 700)))
        w = post * counts
        new_prior = float(np.clip(w.sum() / counts.sum(), 1e-6, 1 - 1e-6))
        change = abs(new_prior - prior)
        prior = new_prior
        for col, k in enumerate(active):
            spec = FIELDS[k]
            per_level = np.bincount(pat[:, col], weights=w, minlength=spec.size)[: spec.size]
            # No disagreement is impossible for a true match: a small floor
            # keeps one odd field from vetoing everything else.
            known = per_level[1:] + M_PSEUDO * per_level[1:].sum() + 1e-9
            new = [1.0, *(known / known.sum()).tolist()]
            change = max(change, max(abs(x - y) for x, y in zip(new, m[spec.name], strict=False)))
            m[spec.name] = new
        if change < 1e-6:
            break
    return m, prior, it


def _session_codes(cols: Columns, session: str) -> list[np.ndarray]:
    """Per-row codes whose equality defines a session's training pairs (0 = none)."""
    if session == "birth_date":
        b = cols.vocab["birth"]
        full = b["prec"] == PREC_DAY
        per_value = np.where(full, b["y"] * 10_000 + b["m"] * 100 + b["d"], 0)
        return [per_value[cols.ids["birth"]].astype(np.uint64)]
    if session == "names":
        w1 = cols.get("surnames", "h_w1").view(np.uint64)
        key = cols.get("given", "h_key").view(np.uint64)
        with np.errstate(over="ignore"):
            code = (w1 * np.uint64(0x9E3779B97F4A7C15)) ^ key
        code[(w1 == 0) | (key == 0)] = 0
        return [code]
    return [cols.get("cui", "h_digits").view(np.uint64), cols.get("other_id", "h_value").view(np.uint64)]


def _session_pairs(cols: Columns, session: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    from retorno.people.matching.blocking import _pairs_within_blocks

    n = cols.n
    parts = []
    for code in _session_codes(cols, session):
        parts.extend(_pairs_within_blocks(code, n, 1000, MAX_SESSION_PAIRS, rng))
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    found = np.unique(np.concatenate(parts))
    if len(found) > MAX_SESSION_PAIRS:
        found = rng.choice(found, MAX_SESSION_PAIRS, replace=False)
    return found // n, found % n


def _stranger_shares(cols: Columns, code: np.ndarray, rng: np.random.Generator) -> dict[str, list[float]]:
    """``u`` of FAMILY_FIELDS among pairs sharing ``code`` whose given names wholly differ."""
    from retorno.people.matching.blocking import _pairs_within_blocks

    parts = _pairs_within_blocks(code, cols.n, 1000, MAX_SESSION_PAIRS, rng)
    if not parts:
        return {}
    found = np.unique(np.concatenate(parts))
    if len(found) > MAX_SESSION_PAIRS:
        found = rng.choice(found, MAX_SESSION_PAIRS, replace=False)
    levels = compare(cols, found // cols.n, cols, found % cols.n)
    given = next(k for k, f in enumerate(FIELDS) if f.name == "given")
    strangers = levels[levels[:, given] == FIELDS[given].size - 1]
    if len(strangers) < MIN_SESSION_PAIRS:
        return {}
    shares = _level_shares(strangers, pseudo=0.5)
    return {name: shares[name] for name in FAMILY_FIELDS if name in shares}


def estimate_u_family(cols: Columns, rng: np.random.Generator) -> dict[str, list[float]]:
    """``u`` of FAMILY_FIELDS among pairs sharing both surnames but not their
    given names: siblings, cousins and namesakes, nearly never one person."""
    return _stranger_shares(cols, cols.get("surnames", "h_joint").view(np.uint64), rng)


def estimate_u_first_surname(cols: Columns, rng: np.random.Generator) -> dict[str, list[float]]:
    """``u`` of FAMILY_FIELDS among pairs sharing the first surname (whatever the
    second) but not their given names: for pairs that are seen to share only the
    first surname, one second surname being unknown or different. Siblings are
    among them, but so are the many strangers named López, so sharing a place
    says more here than among pairs known to share both surnames."""
    return _stranger_shares(cols, cols.get("surnames", "h_w1").view(np.uint64), rng)


def _expected_matches(total_bits: np.ndarray, n: int) -> float:
    """Matches per record: the prior that makes the expected number of matches
    among all pairs equal the sum of match probabilities of the candidate pairs
    (a fixed point; pairs outside blocking are assumed to be non-matches)."""
    all_pairs = n * (n - 1) / 2
    # Evidence binned to 1/100 bit: the fixed point then iterates over bins, not pairs.
    binned = np.round(np.clip(total_bits, -60, 60) * 100).astype(np.int64)
    values, counts = np.unique(binned, return_counts=True)
    bits = values / 100.0
    prior = min(0.5, max(len(total_bits), 1) / (2 * all_pairs))
    for _ in range(100):
        odds = prior / (1 - prior) * np.exp2(bits)
        expected = float((counts * odds / (1 + odds)).sum())
        new = min(max(expected / all_pairs, 1e-12), 0.5)
        if abs(new - prior) <= 1e-9 * prior:
            prior = new
            break
        prior = new
    return prior * (n - 1)


def train(
    cols: Columns,
    pair_a: np.ndarray,
    pair_b: np.ndarray,
    levels: np.ndarray,
    *,
    rng: np.random.Generator | None = None,
    random_pairs: int = 500_000,
) -> Model:
    """Learn a model from encoded records and their candidate pairs (with levels)."""
    rng = rng or np.random.default_rng(0)
    u = estimate_u(cols, rng, random_pairs)
    # A field that never disagrees among strangers teaches nothing.
    u = {name: shares for name, shares in u.items() if len(shares) > 2}
    learned: dict[str, dict[str, list[float]]] = {}
    iterations = 0
    id_pairs = _session_pairs(cols, "identifier", rng)
    id_levels = compare(cols, id_pairs[0], cols, id_pairs[1])
    # Records sharing an identifier are nearly all one person: they show how
    # the other fields of a true match vary, a good start for EM.
    m_start = _level_shares(id_levels) if len(id_levels) >= MIN_SESSION_PAIRS else {}
    for session, fixed in SESSIONS.items():
        a, b = id_pairs if session == "identifier" else _session_pairs(cols, session, rng)
        if len(a) < MIN_SESSION_PAIRS:
            continue
        session_levels = id_levels if session == "identifier" else compare(cols, a, cols, b)
        free_u = {k: v for k, v in u.items() if k not in fixed}
        m, _, its = expectation_maximisation(session_levels, free_u, m_start)
        learned[session] = m
        iterations += its
    m_final = {}
    for name in u:
        source = next((s for s in M_SOURCE.get(name, ()) if name in learned.get(s, {})), None)
        m_final[name] = learned[source][name] if source else _default_m(len(u[name]))
    tf, tf_default = frequency_tables(cols)
    u_family = {k: v for k, v in estimate_u_family(cols, rng).items() if k in u}
    u_first = {k: v for k, v in estimate_u_first_surname(cols, rng).items() if k in u}
    model = Model(
        u_family=u_family,
        u_first_surname=u_first,
        m=m_final,
        u=u,
        matches_per_record=1.0,
        tf=tf,
        tf_default=tf_default,
        n_records=cols.n,
        em_iterations=iterations,
    )
    model.matches_per_record = _expected_matches(total_bits(levels, model, cols, pair_a), cols.n)
    return model
