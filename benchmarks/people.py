"""The registry benchmark: person search and likely-match lookups through the database.

Measures what staff feel at the desk on a registry of N persons: the search box (accent-blind,
by name or CUI) and the candidates proposed at registration and check-in (the database path of
the matching engine, not its in-memory index). Probes are drawn from the registry itself and
corrupted like typed input (accents dropped, second surname or CUI missing, day and month of
birth swapped), so each probe has one right answer and recall is measured too.
"""

import datetime
import random
import statistics
import time

from django.db import connection

from retorno.lib.text import fold
from retorno.people.identity import person_candidates, person_match_record
from retorno.people.models import Person
from retorno.people.queries import person_search

TARGETS = {"search_p95_ms": 100.0, "candidates_p95_ms": 20.0}


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def _corrupt(record: dict, rng: random.Random) -> dict:
    probe = dict(record)
    probe["given_names"] = fold(probe["given_names"])
    probe["first_surname"] = fold(probe["first_surname"])
    if rng.random() < 0.5:
        probe["second_surname"] = ""
    if rng.random() < 0.5:
        probe["cui"] = ""
    birth = probe.get("birth_date")
    if isinstance(birth, datetime.date) and birth.day <= 12 and rng.random() < 0.3:
        probe["birth_date"] = birth.replace(month=birth.day, day=birth.month)
    return probe


def run(*, persons: int, stdout, probes: int = 300, seed: int = 7) -> dict:
    """Build (or reuse) a registry of ``persons`` and time search and candidate lookups."""
    from django.contrib.auth import get_user_model

    from benchmarks.reception import build_registry

    build_registry(persons, stdout)
    user = get_user_model().objects.filter(role="reception", is_active=True).first()
    if user is None:
        from retorno.accounts import demo

        demo.load(options={}, stdout=stdout)
        user = get_user_model().objects.get(username="recepcion")
    rng = random.Random(seed)
    top = Person.objects.order_by("-id").values_list("id", flat=True).first()
    sample_ids = {rng.randint(1, top) for _ in range(probes * 2)}
    sample = list(
        Person.objects.filter(id__in=sample_ids, merged_into__isnull=True).select_related("origin_municipality")[
            :probes
        ]
    )

    search_ms = []
    for person in sample:
        query = f"{fold(person.given_names.split()[0])} {fold(person.first_surname)}"
        started = time.perf_counter()
        person_search(user=user, query=query)
        search_ms.append((time.perf_counter() - started) * 1000)

    lookup_ms, found_self = [], 0
    person_candidates(record=person_match_record(sample[0]))  # warm caches (model, registry size)
    for person in sample:
        probe = _corrupt(person_match_record(person), rng)
        started = time.perf_counter()
        found = person_candidates(record=probe)
        lookup_ms.append((time.perf_counter() - started) * 1000)
        found_self += any(match.pk == person.pk for match, _ in found)
    return {
        "database": connection.vendor,
        "persons": Person.objects.count(),
        "probes": len(sample),
        "search_p50_ms": round(statistics.median(search_ms), 1),
        "search_p95_ms": round(percentile(search_ms, 0.95), 1),
        "candidates_p50_ms": round(statistics.median(lookup_ms), 1),
        "candidates_p95_ms": round(percentile(lookup_ms, 0.95), 1),
        "candidates_recall": round(found_self / len(sample), 4),
    }
