"""What the manifest says about a passenger reaches the person at check-in.

Nationality, municipality of origin and A-number are filled in only where the registry has
nothing yet: what a clerk has confirmed is never overwritten by a carrier's list.
"""

from django.http import HttpRequest

from retorno.accounts.models import User
from retorno.geo.models import Country, Municipality
from retorno.lib.text import fold, normalise_identifier
from retorno.people.actions import identifier_add, person_update
from retorno.people.models import Identifier, Person


def _municipality(values: dict) -> Municipality | None:
    name = fold(str(values.get("origin_municipality") or values.get("origin_place") or ""))
    if not name:
        return None
    department = fold(str(values.get("origin_department") or ""))
    found = [
        m
        for m in Municipality.objects.select_related("department")
        if fold(m.name) == name and (not department or fold(m.department.name) == department)
    ]
    return found[0] if len(found) == 1 else None


def manifest_person_facts(values: dict) -> dict:
    """Person fields the manifest row tells (only those it tells): nationality, origin."""
    facts: dict = {}
    code = str(values.get("nationality") or "")
    if len(code) == 2 and code.isupper():
        country = Country.objects.filter(alpha2=code).first()
        if country is not None:
            facts["nationality"] = country
    municipality = _municipality(values)
    if municipality is not None:
        facts["origin_municipality"] = municipality
    return facts


def person_fill_from_manifest(
    *, actor: User, person: Person, values: dict, request: HttpRequest | None = None
) -> Person:
    """Fill what the person's record lacks from the manifest row; change nothing already there."""
    missing = {
        name: value for name, value in manifest_person_facts(values).items() if getattr(person, f"{name}_id") is None
    }
    if missing:
        person = person_update(actor=actor, person=person, request=request, **missing)
    a_number = normalise_identifier(str(values.get("a_number") or ""))
    kind = Identifier.Kind.US_ALIEN_NUMBER
    # Only when no record holds it yet: an A-number on someone else is for a person to look at.
    if a_number and not Identifier.objects.filter(kind=kind, normalised=a_number).exists():
        identifier_add(actor=actor, person=person, kind=kind, value=a_number, request=request)
    return person
