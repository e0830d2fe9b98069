"""Trafficking statistics for the national anti-trafficking commission, and a de-identified
HTCDS extract. Nothing here returns a case row to the reader.

- Counts by period, sex, age band, identification outcome and Public Prosecutor stage are
  GROUP BY queries over unencrypted codes (``reports.indicators.protection``), always protected.
- Forms of exploitation live only in the sealed identification answers. They are tallied
  inside the server (each concluded identification's answers are decrypted in memory, mapped to
  HTCDS codes and counted), one audit event records the aggregate read, and only the protected
  counts leave this module.
- The HTCDS extract keeps no names, contacts, case owners or organisations; birth dates become
  age bands, dates become years; rows are generalised then suppressed until every combination of
  quasi-identifiers (sex, age band, citizenship, year, trafficking status) is shared by at least
  k rows (k-anonymity, default 5).
"""

import datetime
from collections import Counter

from django.conf import settings

from retorno.protection import htcds, protocol
from retorno.protection.models import CaseKind, Identification, ProtectionCase
from retorno.reports.catalogue import CATALOGUE
from retorno.reports.compute import age_band_labels, age_bands, compute
from retorno.reports.disclosure import one_way, protect, published
from retorno.reports.presentation import Table, present

STATISTICS = (
    ("protection.victims_assisted", ("quarter",)),
    ("protection.victims_assisted", ("sex",)),
    ("protection.victims_assisted", ("age_band",)),
    ("protection.trafficking_screenings", ("outcome",)),
    ("protection.cases_to_prosecutor", ("stage",)),
)
QUASI_IDENTIFIERS = ("prs_Gender", "age_band", "prs_Citizenship", "year", "vic_TraffickingStatus")


def k_anonymity() -> int:
    return int(getattr(settings, "RETORNO_HTCDS_K", 5))


def statistics(start: datetime.date, end: datetime.date) -> list[Table]:
    """The commission's tables, each protected (sealed indicators are never shown raw)."""
    return [
        present(compute(CATALOGUE[i], start=start, end=end, breakdowns=list(keys)), protected=True)
        for i, keys in STATISTICS
    ]


def exploitation_counts(start: datetime.date, end: datetime.date) -> dict[str, int | None]:
    """HTCDS type of exploitation -> protected count of victim cases (a case may have several)."""
    counter: Counter = Counter()
    concluded = Identification.objects.filter(
        case__kind=CaseKind.TRAFFICKING,
        decided_at__date__gte=start,
        decided_at__date__lte=end,
        result__in=[Identification.Result.POSSIBLE, Identification.Result.PROBABLE, Identification.Result.CONFIRMED],
    ).only("answers_sealed")
    for identification in concluded.iterator():
        for value in protocol.htcds_values(identification.answers).get("vic_TypeOfExploitation", []):
            counter[value] += 1
    if not counter:
        return {}
    # Overlapping categories (multi-select): hide small ones; no total is published.
    pub = published(protect(one_way(dict(counter))))
    return {k: pub[k] for k in sorted(counter)}


def _age_band(birth: str, on: datetime.date) -> str:
    if not birth:
        return "unknown"
    born = datetime.date.fromisoformat(birth)
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return str(max(b for b in age_bands() if b <= age)) if age >= 0 else "unknown"


def deidentified_rows(start: datetime.date, end: datetime.date) -> list[dict]:
    """HTCDS rows of the victim cases opened in the period, de-identified and k-anonymous."""
    cases = ProtectionCase.objects.filter(
        kind=CaseKind.TRAFFICKING, opened_at__date__gte=start, opened_at__date__lte=end
    )
    rows = []
    for case in htcds.victim_cases(cases):
        row = htcds.case_row(case)
        opened = case.opened_at.date()
        rows.append(
            {
                "prs_Gender": row["prs_Gender"],
                "age_band": _age_band(row["prs_Birthdate"], opened),
                "prs_Citizenship": ";".join(row["prs_Citizenship"]),
                "year": str(opened.year),
                "vic_TraffickingStatus": row["vic_TraffickingStatus"],
                "vic_MethodOfRecruitment": ";".join(row["vic_MethodOfRecruitment"]),
                "vic_MethodsOfControl": ";".join(row["vic_MethodsOfControl"]),
                "vic_TypeOfExploitation": ";".join(row["vic_TypeOfExploitation"]),
                "cas_Status": row["cas_Status"],
                "spl_Type": ";".join(row["spl_Type"]),
            }
        )
    return k_anonymise(rows, k=k_anonymity())


# Generalisation steps, applied in order until every class has k rows.
def _wider_age(row):
    band = row["age_band"]
    row["age_band"] = (
        "minor"
        if band not in ("unknown", "adult") and int(band) < 18
        else ("unknown" if band == "unknown" else "adult")
    )


def _any_citizenship(row):
    row["prs_Citizenship"] = "GT" if row["prs_Citizenship"] == "GT" else "other"


def _any_year(row):
    row["year"] = "*"


def _any_status(row):
    row["vic_TraffickingStatus"] = "*"


STEPS = (_any_citizenship, _wider_age, _any_year, _any_status)


def _classes(rows: list[dict]) -> Counter:
    return Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in rows)


def k_anonymise(rows: list[dict], *, k: int) -> list[dict]:
    """Generalise quasi-identifiers step by step, then drop rows still in classes under k."""
    rows = [dict(r) for r in rows]
    for step in STEPS:
        if all(n >= k for n in _classes(rows).values()):
            break
        for row in rows:
            step(row)
    sizes = _classes(rows)
    return [r for r in rows if sizes[tuple(r[q] for q in QUASI_IDENTIFIERS)] >= k]


def age_band_names() -> dict:
    return {**age_band_labels(), "minor": "0–17", "adult": "18+"}
