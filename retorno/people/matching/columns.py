"""Records as columns of small integer ids into per-value feature tables.

A field group (given names, surnames, birth date...) is factorised: each record
holds the id of its distinct raw value, and each distinct value's features are
computed once. Comparisons gather features through the ids with numpy, so the
same code scores one probe against fifty candidates or ten million pairs.

Strings are also kept as 64-bit hashes (Python's ``hash``): equality of hashes
stands for equality of strings. The hashes never leave the process, so the
per-process hash seed does not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

from retorno.people.matching.fields import (
    GIVEN_FEATURES,
    SURNAME_FEATURES,
    address_features,
    birth_group_features,
    cui_features,
    flight_features,
    given_features,
    identifier_features,
    place_features,
    sex_features,
    surname_features,
)

# Input columns of the INPUT.csv format, plus optional extras used when present.
INPUT_COLUMNS = (
    "given_names",
    "first_surname",
    "second_surname",
    "sex",
    "birth_date",
    "cui",
    "department",
    "municipality",
)
OPTIONAL_COLUMNS = ("birth_date_precision", "other_id", "address", "flight")


@dataclass(frozen=True)
class Group:
    inputs: tuple[str, ...]
    features: Callable[..., tuple]
    names: tuple[str, ...]


GROUPS: dict[str, Group] = {
    "given": Group(("given_names",), given_features, GIVEN_FEATURES),
    "surnames": Group(("first_surname", "second_surname"), surname_features, SURNAME_FEATURES),
    "birth": Group(("birth_date", "birth_date_precision"), birth_group_features, ("y", "m", "d", "prec", "digits")),
    "cui": Group(("cui",), cui_features, ("digits", "valid", "checked", "place", "place_dept")),
    "other_id": Group(("other_id",), identifier_features, ("value",)),
    "sex": Group(("sex",), sex_features, ("code",)),
    "place": Group(("municipality", "department"), place_features, ("muni", "dept")),
    "address": Group(("address",), address_features, ("text",)),
    "flight": Group(("flight",), flight_features, ("value",)),
}


@dataclass
class Columns:
    """Encoded records: ``ids[group][row]`` indexes ``vocab[group][feature]``."""

    n: int
    ids: dict[str, np.ndarray]
    vocab: dict[str, dict[str, np.ndarray]]
    cache: dict = field(default_factory=dict, repr=False)

    def get(self, group: str, feature: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Feature values for ``rows`` (all rows when None)."""
        ids = self.ids[group] if rows is None else self.ids[group][rows]
        return self.vocab[group][feature][ids]

    def vocab_size(self, group: str) -> int:
        return len(self.vocab[group][GROUPS[group].names[0]])


def _vocab_arrays(names: tuple[str, ...], rows: list[tuple]) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    for k, name in enumerate(names):
        values = [r[k] for r in rows]
        sample = values[0] if values else ""
        if isinstance(sample, str):
            arrays[name] = np.array(values, dtype=object)
            # Hash of the string; "" hashes to 0 in CPython, which we rely on
            # as "missing", so make it explicit.
            arrays["h_" + name] = np.fromiter((hash(v) if v else 0 for v in values), np.int64, len(values))
        elif isinstance(sample, bool):
            arrays[name] = np.array(values, dtype=bool)
        else:
            arrays[name] = np.array(values, dtype=np.int64)
    return arrays


def encode(data: Mapping[str, Sequence], n: int | None = None) -> Columns:
    """Encode column-oriented records (column name -> values; missing columns are empty)."""
    if n is None:
        n = max((len(v) for v in data.values()), default=0)
    ids: dict[str, np.ndarray] = {}
    vocab: dict[str, dict[str, np.ndarray]] = {}
    for name, group in GROUPS.items():
        cols = [data[c] if c in data and data[c] is not None else repeat("", n) for c in group.inputs]
        index: dict = {}
        if len(cols) == 1:
            codes = [index.setdefault(v, len(index)) for v in _cells(cols[0], n)]
        else:
            codes = [index.setdefault(v, len(index)) for v in zip(*(_cells(c, n) for c in cols), strict=False)]
        if not index:
            index[("",) * len(cols) if len(cols) > 1 else ""] = 0
        keys = list(index)
        rows = [group.features(k) if len(cols) == 1 else group.features(*k) for k in keys]
        ids[name] = np.array(codes, dtype=np.int32) if codes else np.zeros(0, np.int32)
        vocab[name] = _vocab_arrays(group.names, rows)
    return Columns(n=n, ids=ids, vocab=vocab)


def _cells(values: Sequence | repeat, n: int):
    """Cells with None read as empty, so None and "" are one distinct value."""
    for _, v in zip(range(n), values, strict=False):
        yield "" if v is None else v


def encode_records(records: Sequence[Mapping]) -> Columns:
    """Encode a list of record dicts (the ORM path, and one probe at a time)."""
    wanted = INPUT_COLUMNS + OPTIONAL_COLUMNS
    data = {c: [r.get(c) for r in records] for c in wanted}
    return encode(data, len(records))


def concat(parts: Sequence[Columns]) -> Columns:
    """One Columns holding the rows of ``parts`` in order (vocabularies appended)."""
    ids: dict[str, np.ndarray] = {}
    vocab: dict[str, dict[str, np.ndarray]] = {}
    for name in GROUPS:
        offset = 0
        id_parts, vocab_parts = [], []
        for part in parts:
            id_parts.append(part.ids[name] + offset)
            vocab_parts.append(part.vocab[name])
            offset += part.vocab_size(name)
        ids[name] = np.concatenate(id_parts).astype(np.int32)
        vocab[name] = {k: np.concatenate([v[k] for v in vocab_parts]) for k in vocab_parts[0]}
    return Columns(n=sum(p.n for p in parts), ids=ids, vocab=vocab)


def swap_names(cols: Columns) -> Columns:
    """The same rows with given names and surnames exchanged (cached).

    Clerks sometimes type the surnames in the given-names box and the other way
    round ("Kyra | Wilde" / "Wilde | Kyra"); comparing against the swapped rows
    recognises it. Built per distinct value, so it is cheap.
    """
    if "swapped" in cols.cache:
        return cols.cache["swapped"]
    given_rows = [GROUPS["given"].features(text) for text in cols.vocab["surnames"]["text"].tolist()]
    surname_rows = [GROUPS["surnames"].features(text, "") for text in cols.vocab["given"]["text"].tolist()]
    ids = dict(cols.ids)
    vocab = dict(cols.vocab)
    ids["given"], ids["surnames"] = cols.ids["surnames"], cols.ids["given"]
    vocab["given"] = _vocab_arrays(GROUPS["given"].names, given_rows)
    vocab["surnames"] = _vocab_arrays(GROUPS["surnames"].names, surname_rows)
    swapped = Columns(n=cols.n, ids=ids, vocab=vocab)
    cols.cache["swapped"] = swapped
    return swapped
