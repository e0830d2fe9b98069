"""Real-time candidates: who already in the registry might this person be?

``CandidateIndex`` is the interface reception uses. ``MemoryIndex`` keeps the
blocking keys as sorted 64-bit codes in memory (the benchmark measures it at a
million persons); the database implementation keeps the same keys, as strings
from ``blocking_keys``, in a ``(key, person_id)`` table.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Protocol

import numpy as np

from retorno.people.matching.columns import Columns, concat, encode, encode_records
from retorno.people.matching.keys import MAX_BLOCK, key_codes
from retorno.people.matching.model import Model
from retorno.people.matching.scoring import Candidate, rank_rows

# Added records wait in a small side table; past this many they are folded in.
PENDING_LIMIT = 5000


class CandidateIndex(Protocol):
    """Likely matches for a record, kept current on every write."""

    def add(self, person_id: Hashable, record: Mapping) -> None:
        """Index a new person, or re-index an edited one."""

    def remove(self, person_id: Hashable) -> None:
        """Forget a person (merged away or erased)."""

    def candidates(
        self, record: Mapping, *, limit: int = 10, min_probability: float = 0.01, exclude: Iterable[Hashable] = ()
    ) -> list[Candidate]:
        """The most likely existing persons for ``record``, best first, with reasons."""


class MemoryIndex:
    """An in-memory ``CandidateIndex`` over encoded columns and sorted key codes.

    Bulk loads go straight into sorted arrays; single writes (``add``) wait in a
    small side table that lookups also search, and are folded in by the
    hundreds, so a write never re-sorts a million keys.
    """

    def __init__(self, model: Model, *, max_block: int = MAX_BLOCK):
        self.model = model
        self.max_block = max_block
        self._cols: Columns = encode_records([])
        self._ids: list[Hashable] = []
        self._row_of: dict[Hashable, int] = {}
        self._alive = np.zeros(0, dtype=bool)
        self._codes = np.zeros(0, dtype=np.uint64)
        self._rows = np.zeros(0, dtype=np.int64)
        # Recently added persons: record and key codes, and code -> person ids.
        self._pending: dict[Hashable, tuple[dict, list[int]]] = {}
        self._pending_keys: dict[int, set[Hashable]] = {}

    @classmethod
    def build(cls, ids: list[Hashable], columns: Mapping[str, list], model: Model, **kwargs) -> MemoryIndex:
        """An index over many records at once (column-oriented, like ``encode``)."""
        index = cls(model, **kwargs)
        index._load(list(ids), encode(columns, len(ids)))
        return index

    def __len__(self) -> int:
        return int(self._alive.sum()) + len(self._pending)

    def _load(self, ids: list[Hashable], cols: Columns) -> None:
        start = len(self._ids)
        self._cols = cols if start == 0 else concat([self._cols, cols])
        for k, pid in enumerate(ids):
            old = self._row_of.get(pid)
            if old is not None:
                self._alive[old] = False
            self._row_of[pid] = start + k
        self._ids.extend(ids)
        self._alive = np.concatenate([self._alive, np.ones(len(ids), dtype=bool)])
        codes = key_codes(cols)
        new_codes = np.concatenate(list(codes.values()))
        new_rows = np.tile(np.arange(start, start + len(ids), dtype=np.int64), len(codes))
        keep = new_codes != 0
        all_codes = np.concatenate([self._codes, new_codes[keep]])
        all_rows = np.concatenate([self._rows, new_rows[keep]])
        order = np.argsort(all_codes, kind="stable")
        self._codes, self._rows = all_codes[order], all_rows[order]

    def add(self, person_id: Hashable, record: Mapping) -> None:
        self.remove(person_id)
        cols = encode_records([record])
        codes = [int(c[0]) for c in key_codes(cols).values() if c[0] != 0]
        self._pending[person_id] = (dict(record), codes)
        for code in codes:
            self._pending_keys.setdefault(code, set()).add(person_id)
        if len(self._pending) >= PENDING_LIMIT:
            self._flush()

    def remove(self, person_id: Hashable) -> None:
        held = self._pending.pop(person_id, None)
        if held is not None:
            for code in held[1]:
                self._pending_keys[code].discard(person_id)
        row = self._row_of.pop(person_id, None)
        if row is not None:
            self._alive[row] = False

    def _flush(self) -> None:
        """Fold the added records into the sorted arrays (a re-sort, so not on every write)."""
        if not self._pending:
            return
        ids = list(self._pending)
        records = [rec for rec, _ in self._pending.values()]
        self._pending, self._pending_keys = {}, {}
        self._load(ids, encode_records(records))

    def _rows_for(self, codes: list[int]) -> np.ndarray:
        found = []
        for c in codes:
            lo = np.searchsorted(self._codes, np.uint64(c), side="left")
            hi = np.searchsorted(self._codes, np.uint64(c), side="right")
            if 0 < hi - lo <= self.max_block:
                found.append(self._rows[lo:hi])
        if not found:
            return np.zeros(0, dtype=np.int64)
        rows = np.unique(np.concatenate(found))
        return rows[self._alive[rows]]

    def candidates(
        self, record: Mapping, *, limit: int = 10, min_probability: float = 0.01, exclude: Iterable[Hashable] = ()
    ) -> list[Candidate]:
        probe = encode_records([record])
        codes = [int(c[0]) for c in key_codes(probe).values() if c[0] != 0]
        excluded = set(exclude)
        rows = self._rows_for(codes)
        if excluded:
            rows = rows[[self._ids[r] not in excluded for r in rows.tolist()]] if len(rows) else rows
        size = len(self)
        found = rank_rows(
            self.model,
            probe,
            self._cols,
            rows,
            self._ids,
            limit=limit,
            min_probability=min_probability,
            registry_size=size,
        )
        recent = {pid for c in codes for pid in self._pending_keys.get(c, ())} - excluded
        if recent:
            pids = list(recent)
            store = encode_records([self._pending[p][0] for p in pids])
            rows = np.arange(len(pids), dtype=np.int64)
            found += rank_rows(
                self.model, probe, store, rows, pids, limit=limit, min_probability=min_probability, registry_size=size
            )
            found.sort(key=lambda c: -c.probability)
        return found[:limit]
