"""Clusters from scored pairs: union-find, strongest links first, never joining
two groups that carry different CUIs or that a compared pair tells apart."""

from __future__ import annotations

import numpy as np


def link_clusters(
    n: int,
    pair_a: np.ndarray,
    pair_b: np.ndarray,
    probability: np.ndarray,
    threshold: float,
    cui: np.ndarray | None = None,
    cui_close: np.ndarray | None = None,
    apart: np.ndarray | None = None,
) -> np.ndarray:
    """A cluster label (the smallest row in the cluster) for each of ``n`` rows.

    ``cui`` holds a per-row CUI hash (0 when unknown). A link whose two groups
    already hold different CUIs is refused, unless the link itself compared the
    two CUIs and found them one digit apart (``cui_close``): a person has one
    CUI, so such a merge would chain two people through a third record.
    Likewise a link is refused when a pair marked ``apart`` (compared and found
    almost surely two people, e.g. twins) would end up in one cluster.
    """
    keep = np.flatnonzero(probability >= threshold)
    keep = keep[np.argsort(-probability[keep], kind="stable")]
    parent = list(range(n))
    group_cui: dict[int, int] = {}
    if cui is not None:
        group_cui = {int(r): int(c) for r, c in zip(np.flatnonzero(cui), cui[cui != 0], strict=False)}
    close = cui_close if cui_close is not None else np.zeros(len(pair_a), dtype=bool)
    # Groups that a compared pair says are two people: root -> set of roots.
    kept_apart: dict[int, set[int]] = {}
    if apart is not None:
        # Only pairs whose rows the links could bring together matter (a few
        # among the millions of unlikely pairs of a large batch).
        reach = _components(n, pair_a[keep], pair_b[keep])
        inside = np.flatnonzero(apart)
        inside = inside[reach[pair_a[inside]] == reach[pair_b[inside]]]
        for a, b in zip(pair_a[inside].tolist(), pair_b[inside].tolist(), strict=False):
            kept_apart.setdefault(a, set()).add(b)
            kept_apart.setdefault(b, set()).add(a)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b, near in zip(pair_a[keep].tolist(), pair_b[keep].tolist(), close[keep].tolist(), strict=False):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        ca, cb = group_cui.get(ra, 0), group_cui.get(rb, 0)
        if ca and cb and ca != cb and not near:
            continue
        if rb in kept_apart.get(ra, ()):
            continue
        if rb < ra:
            ra, rb = rb, ra
        parent[rb] = ra
        if rb in kept_apart:
            moved = kept_apart.pop(rb)
            for other in moved:
                kept_apart[other].discard(rb)
                kept_apart[other].add(ra)
            kept_apart.setdefault(ra, set()).update(moved)
        if not ca and cb:
            group_cui[ra] = cb
    return np.fromiter((find(x) for x in range(n)), dtype=np.int64, count=n)


def _components(n: int, pair_a: np.ndarray, pair_b: np.ndarray) -> np.ndarray:
    """Connected component (a root row) of each of ``n`` rows under the links given."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(pair_a.tolist(), pair_b.tolist(), strict=False):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.fromiter((find(x) for x in range(n)), dtype=np.int64, count=n)
