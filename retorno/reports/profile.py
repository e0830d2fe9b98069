"""The migration-history part of the migration profile: consented answers as protected counts."""

import datetime

from retorno.reports.catalogue import CATALOGUE
from retorno.reports.compute import compute
from retorno.reports.presentation import Table, present

# (indicator, breakdown, filters): one GROUP BY each.
HISTORY_TABLES = (
    ("history.reasons", "reason", {}),
    ("history.answers", "years_abroad", {}),
    ("history.countries", "country", {}),
    ("history.answers", "family_abroad", {}),
    ("history.answers", "previous_deportations", {}),
    ("history.smuggler", "smuggler_used", {}),
    ("history.smuggler", "smuggler_cost", {"smuggler_used": "yes"}),
)


def refusal_share(consent: Table) -> float | None:
    """Refused ÷ (agreed + refused), in percent, from the published counts (None if either is hidden)."""
    published = {codes[0]: row[-1] for row, codes in zip(consent.rows, consent.codes, strict=True)}
    agreed, refused = published.get("agreed", 0), published.get("refused", 0)
    if agreed is None or refused is None or not (agreed + refused):
        return None
    return round(100 * refused / (agreed + refused), 1)


def migration_history_tables(start: datetime.date, end: datetime.date, *, protected: bool) -> dict:
    """The consent table, the share of refusals and one table per answer, for the period."""
    consent = present(
        compute(CATALOGUE["history.consent"], start=start, end=end, breakdowns=["consent"]), protected=protected
    )
    tables = []
    for indicator_id, key, filters in HISTORY_TABLES:
        result = compute(CATALOGUE[indicator_id], start=start, end=end, breakdowns=[key], filters=filters)
        table = present(result, protected=protected)
        table.title = table.columns[0]
        tables.append(table)
    return {"history_consent": consent, "history_refusal_share": refusal_share(consent), "history_tables": tables}
