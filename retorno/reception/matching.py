"""Pre-arrival matching of a manifest row against the person registry.

One function, ``match_manifest_row``: exact identifiers first, then the folded name with the
exact birth date, then the matching engine (``retorno/people/identity.py``), which links by
score only when one person is far more likely than anyone else and a birth date or a document
agrees exactly. Anything less is left to the clerk, who sees the candidates at check-in.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache

from django.db.models import Count

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


def match_manifest_row(row) -> tuple[Person | None, str]:
    """The registry person a manifest row names, and why: (person, reason) or (None, reason).

    ``row`` is a parsed row's ``values`` mapping (or anything with such a ``values``). See
    ``match_manifest_rows``, which this calls with one row.
    """
    return match_manifest_rows([row])[0]


CHUNK = 500  # values per IN (...) list: well under every database's parameter limit


def _chunks(items: Iterable) -> Iterator[list]:
    items = list(items)
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def match_manifest_rows(rows: Sequence) -> list[tuple[Person | None, str]]:
    """Match many manifest rows at once: a few set queries per rule, none per row.

    For each row, in order: exact CUI, then A-number, then passport; then folded name (every
    word, any order, no accents) with the exact birth date; then the matching engine, which
    links only a unique, sure candidate with exact evidence. Several candidates give
    (None, "ambiguous"): a person decides at check-in.
    """
    results = match_manifest_row_ids(rows)
    persons = Person.objects.in_bulk({pk for pk, _ in results if pk is not None})
    return [(persons.get(pk) if pk else None, reason) for pk, reason in results]


def match_manifest_row_ids(rows: Sequence) -> list[tuple[int | None, str]]:
    """``match_manifest_rows`` by person id: the import links rows without loading the persons."""
    values = [_values(r) for r in rows]
    results: list[tuple[int | None, str] | None] = [None] * len(values)
    live = Person.objects.filter(merged_into__isnull=True)

    def settle(i: int, ids: set[int], reason: str) -> None:
        if len(ids) == 1:
            results[i] = (next(iter(ids)), reason)
        elif len(ids) > 1:
            results[i] = (None, AMBIGUOUS)

    by_cui: dict[str, set[int]] = defaultdict(set)
    for chunk in _chunks({v["cui"] for v in values if v.get("cui")}):
        for pk, cui in live.filter(cui__in=chunk).values_list("id", "cui"):
            by_cui[cui].add(pk)
    for i, v in enumerate(values):
        if v.get("cui") and by_cui.get(v["cui"]):
            settle(i, by_cui[v["cui"]], CUI)
    for key, kind, reason in (
        ("a_number", Identifier.Kind.US_ALIEN_NUMBER, A_NUMBER),
        ("passport", Identifier.Kind.PASSPORT, PASSPORT),
    ):
        wanted = {
            i: normalise_identifier(str(v[key])) for i, v in enumerate(values) if results[i] is None and v.get(key)
        }
        found: dict[str, set[int]] = defaultdict(set)
        for chunk in _chunks(set(wanted.values())):
            ids = Identifier.objects.filter(kind=kind, normalised__in=chunk, person__merged_into__isnull=True)
            for normalised, pk in ids.values_list("normalised", "person_id"):
                found[normalised].add(pk)
        for i, normalised in wanted.items():
            if found.get(normalised):
                settle(i, found[normalised], reason)
    _by_name_and_birth(values, results, settle, live)
    flight_ids = {getattr(r, "flight_id", None) for r in rows} - {None}
    on_flight = set().union(*(persons_on_flight(f) for f in flight_ids)) if flight_ids else set()
    _by_score_batch(values, results, exclude_ids=on_flight)
    # Two passengers of one manifest are never one person: a person claimed twice is for a clerk to decide.
    claimed = Counter(r[0] for r in results if r and r[0] is not None)
    results = [(None, AMBIGUOUS) if r and r[0] is not None and claimed[r[0]] > 1 else r for r in results]
    return [r or (None, NONE) for r in results]


@lru_cache(maxsize=65536)
def _name_words(part: str) -> tuple[str, ...]:
    # Given names and surnames repeat across the registry: each spelling is folded once.
    return tuple(tokens(part))


def _by_name_and_birth(values, results, settle, live) -> None:
    wanted = {}
    for i, v in enumerate(values):
        birth, name = _birth_date(v.get("birth_date")), frozenset(tokens(str(v.get("full_name") or "")))
        if results[i] is None and birth and name:
            wanted[i] = (birth, name)
    same_day: dict[datetime.date, list[tuple[int, frozenset]]] = defaultdict(list)
    for chunk in _chunks({birth for birth, _ in wanted.values()}):
        rows = live.filter(birth_date__in=chunk).values_list(
            "id", "birth_date", "given_names", "first_surname", "second_surname"
        )
        # Everyone born on those days: the words of each name part, folded once per spelling.
        for pk, birth, *parts in rows:
            same_day[birth].append((pk, frozenset(w for p in parts if p for w in _name_words(p))))
    for i, (birth, name) in wanted.items():
        settle(i, {pk for pk, words in same_day.get(birth, ()) if words == name}, NAME_BIRTH_DATE)


def _by_score_batch(values, results, *, exclude_ids: set[int] = frozenset()) -> None:
    """The engine's verdict for the rows still open: (person, "probable") when unique and sure.

    Persons already linked to another passenger of the same flight are never candidates."""
    from retorno.people.identity import manifest_record, match_records_for, registry_size, thresholds
    from retorno.people.matching import MAX_BLOCK, blocking_keys, default_model, rank_candidates
    from retorno.people.models import PersonMatchKey

    open_rows = {
        i: manifest_record(v)
        for i, v in enumerate(values)
        if results[i] is None and (v.get("full_name") or v.get("first_surname"))
    }
    keys = {i: blocking_keys(record) for i, record in open_rows.items()}
    all_keys = set().union(*keys.values()) if keys else set()
    sizes: dict[str, int] = {}
    for chunk in _chunks(all_keys):
        counted = PersonMatchKey.objects.filter(key__in=chunk).values("key").annotate(n=Count("person")).order_by()
        sizes.update((c["key"], c["n"]) for c in counted)
    members: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(k for k, n in sizes.items() if n <= MAX_BLOCK):
        for key, pk in PersonMatchKey.objects.filter(key__in=chunk).values_list("key", "person_id"):
            members[key].append(pk)
    candidates = {i: {pk for k in keys[i] for pk in members.get(k, ())} - exclude_ids for i in open_rows}
    records: dict[int, dict] = {}
    for chunk in _chunks(set().union(*candidates.values()) if candidates else ()):
        records.update(match_records_for(chunk))
    model, limit = default_model(), thresholds()
    size = registry_size() if open_rows else 1
    for i, record in open_rows.items():
        ids = [pk for pk in candidates[i] if pk in records]
        found = rank_candidates(
            record,
            [(pk, records[pk]) for pk in ids],
            model,
            limit=3,
            min_probability=limit["review"],
            registry_size=size,
        ) if ids else []  # fmt: skip
        sure = [c for c in found if c.probability >= limit["auto_link"]]
        if len(sure) > 1:
            results[i] = (None, AMBIGUOUS)
        elif (
            sure and {r.code for r in sure[0].reasons} & EXACT_EVIDENCE and all(r.weight >= 0 for r in sure[0].reasons)
        ):
            results[i] = (sure[0].person_id, PROBABLE)


def persons_on_flight(flight_id: int, *, exclude_arrival: int | None = None) -> set[int]:
    """The registry persons already linked to an arrival of this flight (never "the same person" again)."""
    from retorno.reception.models import Arrival

    found = Arrival.objects.filter(flight_id=flight_id, person__isnull=False)
    if exclude_arrival:
        found = found.exclude(pk=exclude_arrival)
    return set(found.values_list("person_id", flat=True))


def person_on_flight(flight_id: int, person_id: int, *, exclude_arrival: int | None = None) -> bool:
    """Whether this registry person is already linked to another arrival of the flight (one
    indexed lookup, whatever the size of the flight)."""
    from retorno.reception.models import Arrival

    found = Arrival.objects.filter(flight_id=flight_id, person_id=person_id)
    if exclude_arrival:
        found = found.exclude(pk=exclude_arrival)
    return found.exists()


def linked_person_is_free(arrival) -> bool:
    """Whether the person the import linked this manifest row to is not already on the flight."""
    row = arrival.manifest_row
    return bool(row.person_id) and not person_on_flight(arrival.flight_id, row.person_id, exclude_arrival=arrival.pk)


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
    found = likely_matches(manifest_record(row.values), limit=limit, exclude_ids=taken)
    for match in found:
        match["strong"] = strong_evidence(row.values, match["person"])
        match["default"] = False
    strong = [m for m in found if m["strong"]]
    if len(strong) == 1:
        strong[0]["default"] = True
    return found
