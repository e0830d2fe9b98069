"""Candidate pairs for a batch: every pair of records that share a blocking key."""

from __future__ import annotations

import numpy as np

from retorno.people.matching.columns import Columns
from retorno.people.matching.keys import MAX_BLOCK, key_codes


def _pairs_within_blocks(
    code: np.ndarray, n: int, max_block: int, max_pairs: int = 0, rng: np.random.Generator | None = None
) -> list[np.ndarray]:
    """Pairs (as ``low * n + high``) of rows sharing a non-zero code, skipping huge blocks.

    With ``max_pairs``, whole blocks are drawn at random so that about that many
    pairs come out (a sample for training, not for matching).
    """
    rows = np.flatnonzero(code)
    if len(rows) < 2:
        return []
    order = np.argsort(code[rows], kind="stable")
    rows, sorted_code = rows[order], code[rows][order]
    cuts = np.flatnonzero(sorted_code[1:] != sorted_code[:-1]) + 1
    starts = np.concatenate(([0], cuts))
    sizes = np.diff(np.concatenate((starts, [len(rows)])))
    if max_pairs:
        usable = (sizes >= 2) & (sizes <= max_block)
        total = float((sizes[usable] * (sizes[usable] - 1) // 2).sum())
        if total > max_pairs:
            rng = rng or np.random.default_rng(0)
            keep = rng.random(len(sizes)) < max_pairs / total
            starts, sizes = starts[keep], sizes[keep]
    out = []
    # All blocks of one size at once: their pairs are the same offsets from each start.
    for size in np.unique(sizes):
        if size < 2 or size > max_block:
            continue
        block_starts = starts[sizes == size]
        ti, tj = np.triu_indices(int(size), 1)
        a = rows[(block_starts[:, None] + ti[None, :]).ravel()].astype(np.int64)
        b = rows[(block_starts[:, None] + tj[None, :]).ravel()].astype(np.int64)
        out.append(np.minimum(a, b) * n + np.maximum(a, b))
    return out


def candidate_pairs(cols: Columns, *, max_block: int = MAX_BLOCK) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs ``(a, b)`` with ``a < b`` of rows that share at least one key."""
    n = cols.n
    parts: list[np.ndarray] = []
    held = 0
    for code in key_codes(cols).values():
        new = _pairs_within_blocks(code, n, max_block)
        parts.extend(new)
        held += sum(len(p) for p in new)
        if held > 40_000_000:
            # Deduplicate now and then so memory holds mostly distinct pairs.
            parts = [np.unique(np.concatenate(parts))]
            held = len(parts[0])
    found = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
    return (found // n).astype(np.int64), (found % n).astype(np.int64)
