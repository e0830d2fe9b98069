"""The review queue of likely duplicates: a candidate pair recorded, or every likely match of a person.

Called by ``people.actions`` when a person is registered or edited and by the ``match`` command;
it imports neither (``match_actions``, the decisions on pairs, calls into ``people.actions``).
"""

from __future__ import annotations

from retorno.people.identity import band_for, person_candidates, person_match_record
from retorno.people.matching import Candidate
from retorno.people.models import MatchCandidatePair, NotSamePerson, Person, ordered_pair

Status = MatchCandidatePair.Status


def _reasons_json(candidate: Candidate) -> list:
    return [[r.code, r.field, r.weight] for r in candidate.reasons]


def pair_record(
    *, a_id: int, b_id: int, candidate: Candidate, source: str = "registration"
) -> MatchCandidatePair | None:
    """Put a candidate pair in the review queue (or refresh its score); never one decided "not the same"."""
    low, high = ordered_pair(a_id, b_id)
    if low == high or NotSamePerson.objects.filter(person_a_id=low, person_b_id=high).exists():
        return None
    band = band_for(candidate.probability)
    if band == MatchCandidatePair.Band.UNIQUE:
        return None
    values = {
        "probability": candidate.probability,
        "weight": candidate.weight,
        "reasons": _reasons_json(candidate),
        "band": band,
    }
    pair, created = MatchCandidatePair.objects.get_or_create(
        person_a_id=low, person_b_id=high, defaults={**values, "source": source}
    )
    if not created and pair.status == Status.OPEN:
        for name, value in values.items():
            setattr(pair, name, value)
        pair.save(update_fields=list(values))
    return pair


def pairs_queue_for(person: Person, *, source: str = "registration") -> list[MatchCandidatePair]:
    """Queue every likely match of a newly registered or edited person for review."""
    person = Person.objects.select_related("origin_municipality").get(pk=person.pk)
    if person.merged_into_id:
        return []
    found = person_candidates(record=person_match_record(person), person_id=person.pk, limit=10)
    pairs = [pair_record(a_id=person.pk, b_id=other.pk, candidate=c, source=source) for other, c in found]
    return [p for p in pairs if p]
