"""Batch deduplication: block, compare, learn, score, cluster.

``dedupe_csv`` is what ``manage.py match dedupe`` runs; it learns everything
from the input file itself.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retorno.people.matching.blocking import candidate_pairs
from retorno.people.matching.cluster import link_clusters
from retorno.people.matching.columns import INPUT_COLUMNS, OPTIONAL_COLUMNS, Columns, encode
from retorno.people.matching.compare import FIELD_INDEX, compare
from retorno.people.matching.learn import train
from retorno.people.matching.model import Model, total_bits

CHUNK = 1_000_000
# A compared pair this unlikely keeps its two records' clusters apart: a chain
# of likely links (twin - thin record - twin) must not join two people that a
# direct comparison tells apart. Chosen on the tuning set (seed 1).
APART_PROBABILITY = 0.001

# A progress bar factory: called as progress(total=..., desc=...), returns an
# object with update(n) and close() (tqdm's signature).
ProgressFactory = Callable[..., object]


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(progress: ProgressFactory | None, total: int, desc: str):
    return progress(total=total, desc=desc) if progress else _NoBar()


@dataclass
class DedupeResult:
    """Cluster label per row, the learned model and what it took."""

    labels: np.ndarray
    model: Model
    n_pairs: int
    n_links: int
    seconds: dict[str, float] = field(default_factory=dict)


def dedupe(
    cols: Columns,
    *,
    model: Model | None = None,
    threshold: float | None = None,
    progress: ProgressFactory | None = None,
    seed: int = 0,
) -> DedupeResult:
    """Cluster the rows of ``cols``; learns a model from them unless one is given."""
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    bar = _bar(progress, 1, "blocking")
    pair_a, pair_b = candidate_pairs(cols)
    bar.update(1)
    bar.close()
    seconds["blocking"] = time.perf_counter() - t

    t = time.perf_counter()
    levels = np.zeros((len(pair_a), len(FIELD_INDEX)), dtype=np.int8)
    chunks = range(0, len(pair_a), CHUNK)
    bar = _bar(progress, len(pair_a), "compare")
    for start in chunks:
        stop = start + CHUNK
        levels[start:stop] = compare(cols, pair_a[start:stop], cols, pair_b[start:stop])
        bar.update(min(CHUNK, len(pair_a) - start))
    bar.close()
    seconds["compare"] = time.perf_counter() - t

    t = time.perf_counter()
    if model is None:
        bar = _bar(progress, 1, "learning weights")
        model = train(cols, pair_a, pair_b, levels, rng=np.random.default_rng(seed))
        bar.update(1)
        bar.close()
    seconds["train"] = time.perf_counter() - t

    t = time.perf_counter()
    bar = _bar(progress, 1, "clustering")
    prob = model.probability(total_bits(levels, model, cols, pair_a) + model.prior_bits(cols.n))
    threshold = model.threshold if threshold is None else threshold
    cui_level = levels[:, FIELD_INDEX["cui"]]
    labels = link_clusters(
        cols.n,
        pair_a,
        pair_b,
        prob,
        threshold,
        cui=cols.get("cui", "h_digits"),
        cui_close=(cui_level == 2) | (cui_level == 3),
        apart=prob < APART_PROBABILITY,
    )
    bar.update(1)
    bar.close()
    seconds["cluster"] = time.perf_counter() - t
    return DedupeResult(labels, model, len(pair_a), int((prob >= threshold).sum()), seconds)


def read_input_csv(path: str | Path) -> tuple[list[str], dict[str, list[str]]]:
    """(record ids, columns) from an INPUT.csv; optional extra columns are read when present."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        missing = [c for c in ("record_id", *INPUT_COLUMNS) if c not in header]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
        wanted = ["record_id", *INPUT_COLUMNS, *(c for c in OPTIONAL_COLUMNS if c in header)]
        where = [header.index(c) for c in wanted]
        lists: list[list[str]] = [[] for _ in wanted]
        appends = [lst.append for lst in lists]
        width = len(header)
        for row in reader:
            if len(row) < width:
                row = row + [""] * (width - len(row))
            for append, k in zip(appends, where, strict=False):
                append(row[k])
    columns = dict(zip(wanted, lists, strict=False))
    return columns.pop("record_id"), columns


def write_clusters(path: str | Path, record_ids: list[str], labels: np.ndarray) -> None:
    """CLUSTERS.csv: ``record_id,cluster_id``; a cluster is named by its first record's id."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(("record_id", "cluster_id"))
        writer.writerows(zip(record_ids, (record_ids[k] for k in labels.tolist()), strict=False))


def dedupe_csv(
    input_path: str | Path,
    output_path: str | Path,
    *,
    threshold: float | None = None,
    progress: ProgressFactory | None = None,
    model_out: str | Path | None = None,
) -> DedupeResult:
    """Read INPUT.csv, deduplicate it, write CLUSTERS.csv (and the model, if asked)."""
    t = time.perf_counter()
    bar = _bar(progress, 1, "reading")
    record_ids, columns = read_input_csv(input_path)
    n = len(record_ids)
    cols = encode(columns, n)
    del columns
    bar.update(1)
    bar.close()
    read_seconds = time.perf_counter() - t
    result = dedupe(cols, threshold=threshold, progress=progress)
    result.seconds = {"read": read_seconds, **result.seconds}
    t = time.perf_counter()
    write_clusters(output_path, record_ids, result.labels)
    if model_out:
        result.model.save(model_out)
    result.seconds["write"] = time.perf_counter() - t
    return result
