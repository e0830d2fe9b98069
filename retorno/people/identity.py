"""The registry side of identity matching: records for the engine, the key table, candidates.

The engine (``retorno/people/matching/``) knows nothing of Django; this module turns persons
into its records, keeps ``PersonMatchKey`` in step with every identity write and follows the
engine's database path (``matching/README.md``) to find candidates for a probe record.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.db.models import Count, Q

from retorno.lib.text import normalise_identifier
from retorno.people.matching import MAX_BLOCK, Candidate, blocking_keys, default_model, rank_candidates
from retorno.people.models import Identifier, MatchCandidatePair, NotSamePerson, Person, PersonMatchKey

# Identifier kinds in the order they serve as the engine's single ``other_id``.
OTHER_ID_ORDER = (
    Identifier.Kind.US_ALIEN_NUMBER,
    Identifier.Kind.PASSPORT,
    Identifier.Kind.CONSULAR_ID,
    Identifier.Kind.BIRTH_CERTIFICATE,
    Identifier.Kind.OTHER,
)
RECORD_FIELDS = (
    "id",
    "given_names",
    "first_surname",
    "second_surname",
    "sex",
    "birth_date",
    "birth_date_precision",
    "cui",
    "origin_municipality__code",
)


def thresholds() -> dict[str, float]:
    """Probability bands: ≥ ``review`` worth a human look, ≥ ``duplicate`` likely the same person,
    ≥ ``auto_link`` strong enough to link a manifest row without asking. Override with the
    ``RETORNO_MATCH_THRESHOLDS`` setting (a dict with any of these keys)."""
    model = default_model()
    values = {"review": model.review_threshold, "duplicate": model.threshold, "auto_link": 0.99}
    values.update(getattr(settings, "RETORNO_MATCH_THRESHOLDS", {}) or {})
    return values


def band_for(probability: float) -> str:
    limits = thresholds()
    if probability >= limits["duplicate"]:
        return MatchCandidatePair.Band.DUPLICATE
    if probability >= limits["review"]:
        return MatchCandidatePair.Band.NEEDS_REVIEW
    return MatchCandidatePair.Band.UNIQUE


def _other_id(identifiers: Iterable[tuple[str, str]]) -> str:
    by_kind = dict(sorted(identifiers, key=lambda kv: OTHER_ID_ORDER.index(kv[0]) if kv[0] in OTHER_ID_ORDER else 9))
    for kind in OTHER_ID_ORDER:
        if by_kind.get(kind):
            return by_kind[kind]
    return ""


def _record(values: Mapping, identifiers: Iterable[tuple[str, str]] = ()) -> dict:
    municipality = values.get("origin_municipality__code") or ""
    if not municipality and getattr(values.get("origin_municipality"), "code", None):
        municipality = values["origin_municipality"].code  # a form's cleaned data holds the row
    sex = values.get("sex") or ""
    return {
        "given_names": values.get("given_names") or "",
        "first_surname": values.get("first_surname") or "",
        "second_surname": values.get("second_surname") or "",
        "sex": sex if sex in ("F", "M") else "",
        "birth_date": values.get("birth_date") or "",
        "birth_date_precision": values.get("birth_date_precision") or "",
        "cui": values.get("cui") or "",
        "department": municipality[:2],
        "municipality": municipality,
        "other_id": _other_id(identifiers),
    }


def person_match_record(person: Person, *, with_identifiers: bool = True) -> dict:
    """The engine's record for ``person``: names, sex, birth date, CUI, origin, one other document."""
    municipality = person.origin_municipality.code if person.origin_municipality_id else ""
    values = {f: getattr(person, f) for f in RECORD_FIELDS if "__" not in f}
    values["origin_municipality__code"] = municipality
    identifiers = person.identifiers.values_list("kind", "normalised") if person.pk and with_identifiers else ()
    return _record(values, identifiers)


def match_records_for(ids: Iterable[int]) -> dict[int, dict]:
    """Records for many persons in two queries (the candidate path and the batch export)."""
    ids = list(ids)
    identifiers: dict[int, list[tuple[str, str]]] = {}
    for person_id, kind, value in Identifier.objects.filter(person_id__in=ids).values_list(
        "person_id", "kind", "normalised"
    ):
        identifiers.setdefault(person_id, []).append((kind, value))
    rows = Person.objects.filter(pk__in=ids).values(*RECORD_FIELDS)
    return {row["id"]: _record(row, identifiers.get(row["id"], ())) for row in rows}


def match_keys_refresh(person: Person) -> None:
    """Rewrite the person's blocking keys (merged-away records have none: they are never proposed)."""
    PersonMatchKey.objects.filter(person_id=person.pk).delete()
    fresh = Person.objects.select_related("origin_municipality").get(pk=person.pk)
    if fresh.merged_into_id:
        return
    keys = sorted(blocking_keys(person_match_record(fresh)))
    PersonMatchKey.objects.bulk_create([PersonMatchKey(key=k, person_id=person.pk) for k in keys])


_REGISTRY_SIZE: dict[str, tuple[float, int]] = {}


def registry_size() -> int:
    """Live persons, for the engine's prior; cached a minute (a count costs ~50 ms at a million)."""
    now = time.monotonic()
    cached = _REGISTRY_SIZE.get("n")
    if cached and now - cached[0] < 60:
        return cached[1]
    n = max(1, Person.objects.filter(merged_into__isnull=True).count())
    _REGISTRY_SIZE["n"] = (now, n)
    return n


def not_same_ids(person_id: int) -> set[int]:
    """Persons decided to be someone else than ``person_id``."""
    rows = NotSamePerson.objects.filter(Q(person_a_id=person_id) | Q(person_b_id=person_id))
    return {b if a == person_id else a for a, b in rows.values_list("person_a_id", "person_b_id")}


def candidate_ids(record: Mapping) -> list[int]:
    """Persons sharing a usable blocking key with ``record`` (blocks over MAX_BLOCK say too little)."""
    keys = list(blocking_keys(record))
    if not keys:
        return []
    sizes = PersonMatchKey.objects.filter(key__in=keys).values("key").annotate(n=Count("person")).order_by()
    usable = [s["key"] for s in sizes if s["n"] <= MAX_BLOCK]
    if not usable:
        return []
    return list(PersonMatchKey.objects.filter(key__in=usable).values_list("person_id", flat=True).distinct())


def person_candidates(
    *, record: Mapping, exclude_ids: Iterable[int] = (), person_id: int | None = None, limit: int = 5
) -> list[tuple[Person, Candidate]]:
    """Live persons who may be ``record``, most likely first, with the engine's reasons.

    ``person_id`` is the probe's own record, if it has one: it is left out, and so is everyone
    decided "not the same person" as it. Only candidates at or above the review threshold.
    """
    excluded = set(exclude_ids)
    if person_id is not None:
        excluded |= {person_id} | not_same_ids(person_id)
    ids = [i for i in candidate_ids(record) if i not in excluded]
    if not ids:
        return []
    records = match_records_for(ids)
    found = rank_candidates(
        record,
        list(records.items()),
        default_model(),
        limit=limit,
        min_probability=thresholds()["review"],
        registry_size=registry_size(),
    )
    persons = Person.objects.select_related("origin_municipality__department").in_bulk([c.person_id for c in found])
    return [(persons[c.person_id], c) for c in found if c.person_id in persons]


def manifest_record(values: Mapping) -> dict:
    """An engine record from a manifest or walk-in row (a full name in one string, as manifests give it).

    The US lists surnames first or last; the engine's swapped-name comparisons cope with either, so
    the words are split as Guatemalan forms write them: given names, then two surnames.
    """
    if values.get("first_surname") or values.get("given_names"):
        return _record(values)
    words = str(values.get("full_name") or "").split()
    if len(words) >= 4:
        given, first, second = " ".join(words[:-2]), words[-2], words[-1]
    elif len(words) == 3:
        given, first, second = words[0], words[1], words[2]
    elif len(words) == 2:
        given, first, second = words[0], words[1], ""
    else:
        given, first, second = " ".join(words), "", ""
    birth = values.get("birth_date")
    record = _record(
        {
            "given_names": given,
            "first_surname": first,
            "second_surname": second,
            "sex": values.get("sex") or "",
            "birth_date": birth.isoformat() if hasattr(birth, "isoformat") else (birth or ""),
            "cui": values.get("cui") or "",
        }
    )
    for key in ("a_number", "passport"):
        if values.get(key):
            record["other_id"] = normalise_identifier(str(values[key]))
            break
    return record


def likely_matches(
    record: Mapping, *, person_id: int | None = None, limit: int = 5, exclude_ids: Iterable[int] = ()
) -> list[dict]:
    """Candidates ready for a screen: the person, the (calibrated) probability in percent, the reasons.

    ``exclude_ids``: persons who cannot be this one, e.g. those already on the probe's flight
    (two passengers of one flight are never one person)."""
    from retorno.people.match_reasons import reasons_list, reasons_text

    return [
        {
            "person": person,
            "probability": c.probability,
            "percent": min(99, max(1, round(c.probability * 100))) if c.probability < 1 else 99,
            "reasons": reasons_list(c.reasons),
            "explanation": reasons_text(c.reasons),
        }
        for person, c in person_candidates(record=record, person_id=person_id, limit=limit, exclude_ids=exclude_ids)
    ]


def form_record(cleaned: Mapping) -> dict:
    """An engine record from a person form's cleaned data (municipality as a row, no identifiers yet)."""
    return _record(cleaned)
