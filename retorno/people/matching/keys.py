"""Blocking keys: which records are worth comparing at all.

A pair of records is compared when they share at least one key. Each key spec
joins a few components (phonetic first surname, first given name, birth year,
unordered month/day, CUI halves...). The specs are chosen so that a true match
survives any one or two of the corruptions we see (a typo in a name, a swapped
day and month, a missing second surname, a CUI with one wrong digit) while a
key shared by strangers stays rare.

The same components drive three paths, so they cannot drift apart:
``blocking_keys(record)`` gives strings for the database table of keys;
``key_codes(columns)`` gives 64-bit numbers for the batch and in-memory index.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import numpy as np

from retorno.people.matching.columns import Columns, encode_records
from retorno.people.matching.fields import PREC_DAY

# (spec name, components). Components are defined in ``_components``.
# Chosen on generated data of seed 1 by the share of true pairs each key alone
# recovers (keys that added almost nothing, like CUI halves, were dropped:
# every key is a row per person in the database). Name-and-year keys also
# carry the department: at a million persons "José López, 1995" is a crowd.
# sgp (name and year alone), sgm (name and municipality, typed or from the
# CUI) and sgg (name and second given name) were added for thin records: no
# department, no birth date or no second surname (families and thin sets).
# gnm (all given names in any order and municipality: a typo in the first
# surname or a married name in its place), siym (first surname, initial of
# the first given name, year and municipality: a typo in the given name) and
# tgm (second surname's start, first given name and municipality: a typo in
# the first surname) bring together the true pairs of the family tuning set
# (seed 1) that no other key did, for a few per cent more pairs.
KEY_SPECS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("c", ("cui",)),
    ("o", ("other_id",)),
    ("sgy", ("sg", "by", "dept")),
    ("sgp", ("sg", "by")),
    ("sgm", ("sg", "pmuni")),
    ("sgg", ("sg", "g2p")),
    ("sgd", ("sg", "md")),
    ("ssg", ("ssp", "g1p")),
    ("ssy", ("ssp", "by", "dept")),
    ("sd", ("s1p", "by", "md")),
    ("gd", ("g1p", "by", "md")),
    ("tgy", ("s2p", "g1p", "by", "dept")),
    ("xxm", ("sgx", "muni")),
    ("gnm", ("gset", "pmuni")),
    ("siym", ("s1p", "g1i", "by", "pmuni")),
    ("tgm", ("s2x", "g1p", "pmuni")),
)

# Blocks larger than this say too little to be worth comparing in full; other
# keys of the same records still bring their true matches together.
MAX_BLOCK = 1000

_MAX_KEY_LEN = 64

# Components made of two others, unordered: a given name typed in the surname
# box and the surname in the given-names box still make the same key.
UNORDERED = {"sg": ("s1p", "g1p"), "sgx": ("s1x", "g1x")}
# Components read from a second one when the first is unknown: the municipality
# typed, else the one in the CUI (where the birth was registered), so a thin
# record with a CUI and no place still meets its full record.
FALLBACK = {"pmuni": ("muni", "cmuni")}


def _vocab_components(cols: Columns) -> dict[str, tuple[str, np.ndarray]]:
    """Each component per distinct value of its field group: name -> (group, strings).

    Computed once per distinct value ('' when unknown), then gathered by row.
    """
    if "components" in cols.cache:
        return cols.cache["components"]
    sur, giv, birth, cui = (cols.vocab[g] for g in ("surnames", "given", "birth", "cui"))
    by = np.array([str(v) if v else "" for v in birth["y"]], dtype=object)
    # Month and day unordered, so a day/month swap keeps the key.
    md = np.array(
        [
            f"{min(a, b):02d}{max(a, b):02d}" if p == PREC_DAY else ""
            for a, b, p in zip(birth["m"], birth["d"], birth["prec"], strict=False)
        ],
        dtype=object,
    )
    ssp = np.array(
        ["|".join(sorted((a, b))) if a and b else "" for a, b in zip(sur["p1"], sur["p2"], strict=False)], dtype=object
    )
    # Phonetic prefixes: survive a typo late in a name.
    s1x = np.array([p[:3] if len(p) >= 3 else "" for p in sur["p1"]], dtype=object)
    s2x = np.array([p[:3] if len(p) >= 3 else "" for p in sur["p2"]], dtype=object)
    g1x = np.array([p[:3] if len(p) >= 3 else "" for p in giv["p1"]], dtype=object)
    g1i = np.array([p[:1] for p in giv["p1"]], dtype=object)
    # Two or more given names as a set of sounds ("Luis José" = "José Luis").
    gset = np.array([k if c >= 2 else "" for k, c in zip(giv["phon_key"], giv["count"], strict=False)], dtype=object)
    comps = {
        "cui": ("cui", cui["digits"]),
        "other_id": ("other_id", cols.vocab["other_id"]["value"]),
        "s1p": ("surnames", sur["p1"]),
        "s2p": ("surnames", sur["p2"]),
        "ssp": ("surnames", ssp),
        "g1p": ("given", giv["p1"]),
        "g2p": ("given", giv["p2"]),
        "by": ("birth", by),
        "md": ("birth", md),
        "muni": ("place", cols.vocab["place"]["muni"]),
        "dept": ("place", cols.vocab["place"]["dept"]),
        "cmuni": ("cui", cols.vocab["cui"]["place"]),
        "s1x": ("surnames", s1x),
        "s2x": ("surnames", s2x),
        "g1x": ("given", g1x),
        "g1i": ("given", g1i),
        "gset": ("given", gset),
    }
    cols.cache["components"] = comps
    return comps


def _key_string(spec: str, parts: list[str]) -> str:
    key = f"{spec}:{'|'.join(parts)}"
    if len(key) > _MAX_KEY_LEN:
        # Long keys become a digest so the database column stays narrow.
        key = f"{spec}#{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}"
    return key


def keys_of_columns(cols: Columns, row: int) -> set[str]:
    """Blocking keys (strings) of one encoded row."""
    comps = _vocab_components(cols)

    def part(name: str) -> str:
        if name in FALLBACK:
            first, second = FALLBACK[name]
            return part(first) or part(second)
        if name in UNORDERED:
            a, b = (part(c) for c in UNORDERED[name])
            return "|".join(sorted((a, b))) if a and b else ""
        group, values = comps[name]
        return values[cols.ids[group][row]]

    keys = set()
    for spec, names in KEY_SPECS:
        parts = [part(c) for c in names]
        if all(parts):
            keys.add(_key_string(spec, parts))
    return keys


def blocking_keys(record: Mapping) -> set[str]:
    """The blocking keys of a person record, as strings for a ``(key, person_id)`` table.

    ``record`` has the INPUT.csv fields (``given_names``, ``first_surname``,
    ``second_surname``, ``sex``, ``birth_date``, ``cui``, ``department``,
    ``municipality``) and optionally ``birth_date_precision``, ``other_id``.
    Two records are candidates when their key sets intersect.
    """
    return keys_of_columns(encode_records([record]), 0)


_MIX = np.uint64(0x9E3779B97F4A7C15)


def _hash_strings(values: np.ndarray) -> np.ndarray:
    return np.fromiter((hash(v) if v else 0 for v in values), np.int64, len(values)).view(np.uint64)


def key_codes(cols: Columns, rows: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Per spec, a uint64 code per row (0 when the row lacks a component).

    Two rows share a code exactly when they share the string key (up to 64-bit
    hash collisions). Components are hashed once per distinct value.
    """
    comps = _vocab_components(cols)
    hashed = {}
    for name, (group, values) in comps.items():
        ids = cols.ids[group] if rows is None else cols.ids[group][rows]
        hashed[name] = _hash_strings(values)[ids]
    n = cols.n if rows is None else len(rows)
    out: dict[str, np.ndarray] = {}
    with np.errstate(over="ignore"):
        for name, (first, second) in UNORDERED.items():
            low = np.minimum(hashed[first], hashed[second])
            high = np.maximum(hashed[first], hashed[second])
            mixed = (low * _MIX) ^ high
            mixed[(low == 0) | (high == 0)] = 0
            hashed[name] = mixed
        for name, (first, second) in FALLBACK.items():
            hashed[name] = np.where(hashed[first] != 0, hashed[first], hashed[second])
        for k, (spec, names) in enumerate(KEY_SPECS):
            code = np.full(n, np.uint64(k + 1) * _MIX, dtype=np.uint64)
            present = np.ones(n, dtype=bool)
            for name in names:
                h = hashed[name]
                present &= h != 0
                code = (code ^ h) * _MIX
                code ^= code >> np.uint64(31)
            code[~present] = 0
            code[present & (code == 0)] = 1
            out[spec] = code
    return out
