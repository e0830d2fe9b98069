"""Splink 4 (DuckDB) set up as its documentation suggests, for the benchmark.

Splink gets the same INPUT.csv as Retorno, cleaned the way Splink's tutorials
clean data (lower case, accents stripped, blanks as NULL), with comparisons
from its comparison library, term-frequency adjustments on names, u by random
sampling and m by EM on two blocking rules. It is not given Retorno's Spanish
phonetics or its rules for swapped surnames or dates: that is the difference
being measured.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pandas as pd

COLUMNS = ("given_names", "first_surname", "second_surname", "sex", "birth_date", "cui", "department", "municipality")
OPTIONAL = ("other_id", "address")


def _clean(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    return " ".join(text.split()) or None


def frame(records: Sequence[dict], ids: Sequence) -> pd.DataFrame:
    """Records as Splink's input table (cleaned; derived first given name and birth year)."""
    data = {"unique_id": list(ids)}
    for column in COLUMNS + OPTIONAL:
        data[column] = [_clean(r.get(column)) for r in records]
    df = pd.DataFrame(data)
    df["given_first"] = df["given_names"].str.split(" ").str[0]
    df["birth_year"] = df["birth_date"].str[:4]
    # Splink's date comparison wants full dates; partial ones become NULL.
    df["birth_full"] = df["birth_date"].where(df["birth_date"].str.len() == 10)
    return df


def _present(df: pd.DataFrame, column: str) -> bool:
    return column in df and df[column].notna().mean() > 0.01


def settings_for(df: pd.DataFrame):
    """Comparisons and prediction blocking rules for the columns this dataset has."""
    import splink.comparison_library as cl
    from splink import SettingsCreator

    comparisons = [
        cl.NameComparison("given_names").configure(term_frequency_adjustments=True),
        cl.NameComparison("first_surname").configure(term_frequency_adjustments=True),
    ]
    if _present(df, "second_surname"):
        comparisons.append(cl.NameComparison("second_surname").configure(term_frequency_adjustments=True))
    if _present(df, "birth_full"):
        comparisons.append(cl.DateOfBirthComparison("birth_full", input_is_string=True))
    for column in ("cui", "other_id"):
        if _present(df, column):
            comparisons.append(cl.LevenshteinAtThresholds(column, [1]))
    if _present(df, "sex"):
        comparisons.append(cl.ExactMatch("sex"))
    if _present(df, "municipality"):
        comparisons.append(cl.ExactMatch("municipality").configure(term_frequency_adjustments=True))
    elif _present(df, "department"):
        comparisons.append(cl.ExactMatch("department"))
    if _present(df, "address"):
        comparisons.append(cl.JaroWinklerAtThresholds("address", [0.9, 0.8]))
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking_rules(df),
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def blocking_rules(df: pd.DataFrame) -> list:
    """Which pairs Splink scores, in batch and in real time alike."""
    from splink import block_on

    rules = [
        block_on("first_surname", "given_first"),
        block_on("first_surname", "birth_year"),
        block_on("given_first", "birth_date"),
        block_on("second_surname", "given_first"),
    ]
    for column in ("cui", "other_id"):
        if _present(df, column):
            rules.append(block_on(column))
    return rules


def trained_linker(df: pd.DataFrame, seed: int = 1):
    """A Splink linker over ``df`` with its parameters estimated from ``df``."""
    from splink import DuckDBAPI, Linker, block_on

    linker = Linker(df, settings_for(df), DuckDBAPI())
    deterministic = [block_on("given_names", "first_surname", "birth_date")]
    if _present(df, "cui"):
        deterministic.append(block_on("cui"))
    if _present(df, "other_id"):
        deterministic.append(block_on("other_id"))
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=seed)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_surname", "given_first"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    return linker


def dedupe(df: pd.DataFrame, threshold: float = 0.5) -> dict:
    """Cluster ``df``; returns unique_id -> cluster id."""
    linker = trained_linker(df)
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    out = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    return dict(zip(out["unique_id"], out["cluster_id"], strict=True))


def realtime_linker(registry: pd.DataFrame, training: pd.DataFrame):
    """A linker over ``registry`` with parameters learned on ``training`` (a sample),
    term frequencies computed on the registry, ready for per-record lookups."""
    from splink import DuckDBAPI, Linker

    model = trained_linker(training).misc.save_model_to_json()
    linker = Linker(registry, model, DuckDBAPI())
    for column in ("given_names", "first_surname", "second_surname", "municipality"):
        if _present(registry, column):
            linker.table_management.compute_tf_table(column)
    return linker


def lookup(linker, record: dict, rules: list) -> list:
    """Splink's real-time peer: candidates for one new record, best first, among the
    records that share a blocking rule with it (as in batch)."""
    found = linker.inference.find_matches_to_new_records(
        [record], blocking_rules=rules, match_weight_threshold=-4
    ).as_pandas_dataframe()
    if found.empty:
        return []
    found = found.sort_values("match_weight", ascending=False)
    return found["unique_id_l"].tolist()
