"""Reading the registry, always through what the user may see."""

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from retorno.accounts.access import can, has_role
from retorno.accounts.models import User
from retorno.lib.text import tokens
from retorno.people.models import Consent, NameToken, Person

SEARCH_LIMIT = 50


def persons_visible_to(user: User) -> QuerySet[Person]:
    """Persons whose identity (tier 1) ``user`` may read.

    Programme staff see the registry; a partner organisation sees only the persons
    that a referral shares with it; M&E officers and administrators see none (they
    work with aggregates and configuration).
    """
    live = Person.objects.filter(merged_into__isnull=True)
    if can(user, "person.search"):
        return live
    if has_role(user, User.Role.PARTNER):
        from retorno.referrals.queries import person_ids_shared_with

        return live.filter(id__in=person_ids_shared_with(user.organisation_id))
    return Person.objects.none()


def person_get_for(*, user: User, person_id: int) -> Person:
    """The person, if ``user`` may see them; 404 otherwise (never reveals existence)."""
    try:
        return (
            persons_visible_to(user)
            .select_related("origin_municipality__department", "nationality", "created_by")
            .get(pk=person_id)
        )
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def token_prefix(word: str) -> Q:
    """Tokens starting with ``word``, written so each database can use an index.

    SQLite never uses an index for Django's ``LIKE ... ESCAPE``, but does for a range on
    its binary collation; PostgreSQL uses the ``varchar_pattern_ops`` index for LIKE,
    whereas a range would depend on the database's collation. Tokens are [a-z0-9] only.
    """
    if connection.vendor == "sqlite":
        return Q(token__gte=word, token__lt=word + "~")
    return Q(token__startswith=word)


def person_search(*, user: User, query: str, limit: int = SEARCH_LIMIT) -> list[Person]:
    """Persons matching every word of ``query`` as a prefix of a name or identifier.

    Accent- and case-blind ('jose xicara' finds 'José Luis Xicará Tzul'); each word is an
    index range scan on NameToken, so it stays fast on a registry of millions.
    """
    words = [w[:40] for w in tokens(query)][:6]
    if not words:
        return []
    matches = persons_visible_to(user)
    for word in words:
        matches = matches.filter(id__in=NameToken.objects.filter(token_prefix(word)).values("person_id"))
    return list(matches.select_related("origin_municipality__department").order_by("-id")[:limit])


def consents_in_force(*, person: Person) -> dict[str, Consent]:
    """The latest decision per purpose."""
    latest: dict[str, Consent] = {}
    for consent in person.consents.select_related("recorded_by").order_by("-at", "-id"):
        latest.setdefault(consent.purpose, consent)
    return latest


def has_consent(*, person: Person, purpose: str) -> bool:
    consent = consents_in_force(person=person).get(purpose)
    return bool(consent and consent.given)
