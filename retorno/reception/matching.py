"""Pre-arrival matching of a manifest row against the person registry.

One function, ``match_manifest_row``: exact identifiers first, then the folded name with the
exact birth date, then the matching engine (``retorno/people/identity.py``), which links by
score only when one person is far more likely than anyone else and a birth date or a document
agrees exactly. Anything less is left to the clerk, who sees the candidates at check-in.
"""

import datetime
from collections.abc import Mapping

from retorno.lib.text import normalise_identifier, tokens
from retorno.people.models import Identifier, Person

# Reason codes (the values of ManifestRow.Match).
CUI, A_NUMBER, PASSPORT, NAME_BIRTH_DATE, PROBABLE, AMBIGUOUS, NONE = (
    "cui",
    "a_number",
    "passport",
    "name_birth_date",
    "probable",
    "ambiguous",
    "none",
)
# A score alone never links: one of these exact agreements must be among its reasons.
EXACT_EVIDENCE = {"birth_date_match", "same_cui", "same_identifier"}


def _values(row) -> Mapping:
    return row.values if hasattr(row, "values") and not isinstance(row, Mapping) else row


def _birth_date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _one(persons: list[Person], reason: str) -> tuple[Person | None, str] | None:
    distinct = {p.pk: p for p in persons}
    if len(distinct) == 1:
        return next(iter(distinct.values())), reason
    if len(distinct) > 1:
        return None, AMBIGUOUS
    return None


def match_manifest_row(row) -> tuple[Person | None, str]:
    """The registry person a manifest row names, and why: (person, reason) or (None, reason).

    ``row`` is a parsed row's ``values`` mapping (or anything with such a ``values``).
    Exact CUI, then A-number, then passport; then folded name (every word, any order, no
    accents) with the exact birth date. Several candidates give (None, "ambiguous"): a
    person decides at check-in.
    """
    values = _values(row)
    live = Person.objects.filter(merged_into__isnull=True)
    cui = values.get("cui")
    if cui:
        found = _one(list(live.filter(cui=cui)[:3]), CUI)
        if found:
            return found
    for key, kind, reason in (
        ("a_number", Identifier.Kind.US_ALIEN_NUMBER, A_NUMBER),
        ("passport", Identifier.Kind.PASSPORT, PASSPORT),
    ):
        if values.get(key):
            ids = Identifier.objects.filter(kind=kind, normalised=normalise_identifier(str(values[key])))
            found = _one(list(live.filter(pk__in=ids.values("person_id"))[:3]), reason)
            if found:
                return found
    birth = _birth_date(values.get("birth_date"))
    name = set(tokens(str(values.get("full_name") or "")))
    if birth and name:
        same_day = live.filter(birth_date=birth).only("id", "given_names", "first_surname", "second_surname")
        candidates = [p for p in same_day if set(tokens(p.full_name)) == name]
        found = _one(candidates, NAME_BIRTH_DATE)
        if found:
            return found
    return _by_score(values)


def _by_score(values: Mapping) -> tuple[Person | None, str]:
    """The engine's verdict: (person, "probable") when unique and sure, else (None, "ambiguous"/"none")."""
    from retorno.people.identity import manifest_record, person_candidates, thresholds

    if not (values.get("full_name") or values.get("first_surname")):
        return None, NONE
    limit = thresholds()["auto_link"]
    sure = [(p, c) for p, c in person_candidates(record=manifest_record(values), limit=3) if c.probability >= limit]
    if len(sure) > 1:
        return None, AMBIGUOUS
    if sure:
        person, candidate = sure[0]
        codes = {r.code for r in candidate.reasons}
        if codes & EXACT_EVIDENCE and all(r.weight >= 0 for r in candidate.reasons):
            return person, PROBABLE
    return None, NONE


def persons_on_flight(flight_id: int, *, exclude_arrival: int | None = None) -> set[int]:
    """The registry persons already linked to an arrival of this flight (never "the same person" again)."""
    from retorno.reception.models import Arrival

    found = Arrival.objects.filter(flight_id=flight_id, person__isnull=False)
    if exclude_arrival:
        found = found.exclude(pk=exclude_arrival)
    return set(found.values_list("person_id", flat=True))


def linked_person_is_free(arrival) -> bool:
    """Whether the person the import linked this manifest row to is not already on the flight."""
    row = arrival.manifest_row
    return bool(row.person_id) and row.person_id not in persons_on_flight(arrival.flight_id, exclude_arrival=arrival.pk)


def strong_evidence(values: Mapping, person: Person) -> bool:
    """Evidence strong enough for "the same person" to be the default at the desk: the same
    identity document, or every name word and the full birth date the same (a year or a
    similar name is never enough: namesakes are common)."""
    cui = values.get("cui")
    if cui and person.cui and cui == person.cui:
        return True
    for key, kind in (("a_number", Identifier.Kind.US_ALIEN_NUMBER), ("passport", Identifier.Kind.PASSPORT)):
        if (
            values.get(key)
            and person.identifiers.filter(kind=kind, normalised=normalise_identifier(str(values[key]))).exists()
        ):
            return True
    birth = _birth_date(values.get("birth_date"))
    full_date = (values.get("birth_date_precision") or "day") == "day" and person.birth_date_precision == "exact"
    same_name = set(tokens(str(values.get("full_name") or ""))) == set(tokens(person.full_name))
    return bool(birth and full_date and birth == person.birth_date and same_name)


def arrival_likely_matches(arrival, *, limit: int = 5) -> list[dict]:
    """Likely registry matches for a manifest passenger the import did not link to anyone.

    Rows linked at import (same CUI, A-number, passport, exact name and birth date, or a sure
    score), arrivals already linked and walk-ins need no decision: an empty list. A person
    already on this flight is never offered (two namesakes on one flight are two people), and a
    row the import linked to such a person is decided again. Each match says whether the
    evidence is strong (``strong``); ``default`` marks the one Enter confirms, if any.
    """
    from retorno.people.identity import likely_matches, manifest_record

    row = arrival.manifest_row if arrival.manifest_row_id else None
    if row is None or arrival.person_id or (row.person_id and linked_person_is_free(arrival)):
        return []
    taken = persons_on_flight(arrival.flight_id, exclude_arrival=arrival.pk)
    found = [
        m for m in likely_matches(manifest_record(row.values), limit=limit + len(taken)) if m["person"].pk not in taken
    ]
    found = found[:limit]
    for match in found:
        match["strong"] = strong_evidence(row.values, match["person"])
        match["default"] = False
    strong = [m for m in found if m["strong"]]
    if len(strong) == 1:
        strong[0]["default"] = True
    return found
