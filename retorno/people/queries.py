"""Reading the registry, always through what the user may see."""

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from retorno.accounts.access import can, has_role
from retorno.accounts.models import User
from retorno.audit.actions import audit_view
from retorno.lib.text import tokens
from retorno.people.hooks import provider
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
    shared_with = provider("shared_person_ids")  # referrals registers it (see hooks)
    if has_role(user, User.Role.PARTNER) and shared_with is not None:
        return live.filter(id__in=shared_with(user.organisation_id))
    return Person.objects.none()


def person_get_for(*, user: User, person_id: int, section: str = "", request: HttpRequest | None = None) -> Person:
    """The person, if ``user`` may see them; 404 otherwise (never reveals existence).

    With ``section`` (what part of the record is shown: "profile", "identity", "contacts"...) the
    read is audited here, so no page or endpoint that shows the person can forget it.
    """
    try:
        person = (
            persons_visible_to(user)
            .select_related("origin_municipality__department", "nationality", "created_by")
            .get(pk=person_id)
        )
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if section:
        audit_view(actor=user, obj=person, person_id=person.pk, section=section, request=request)
    return person


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


def consents_in_force(*, person: Person, sealed: bool = False) -> dict[str, Consent]:
    """The latest decision per purpose.

    By default only consents recorded outside protection: what programme staff and partners may
    see, and what every decision outside protection rests on. ``sealed=True`` (protection staff
    reading the case) also counts the consents recorded inside protection cases.
    """
    rows = person.consents.select_related("recorded_by").order_by("-at", "-id")
    if not sealed:
        rows = rows.filter(sealed=False)
    latest: dict[str, Consent] = {}
    for consent in rows:
        latest.setdefault(consent.purpose, consent)
    return latest


def has_consent(*, person: Person, purpose: str, sealed: bool = False) -> bool:
    consent = consents_in_force(person=person, sealed=sealed).get(purpose)
    return bool(consent and consent.given)


# --- Identity matching and repeat returns -----------------------------------------------


def match_pairs_for_review(*, user: User, status: str = "open", band: str | None = None):
    """The review queue: candidate pairs between live records, most likely first."""
    from retorno.people.models import MatchCandidatePair

    if not can(user, "person.review_matches"):
        return MatchCandidatePair.objects.none()
    pairs = MatchCandidatePair.objects.filter(status=status)
    if status == MatchCandidatePair.Status.OPEN:  # a pair whose record was merged elsewhere is moot
        pairs = pairs.filter(person_a__merged_into__isnull=True, person_b__merged_into__isnull=True)
    if band:
        pairs = pairs.filter(band=band)
    return pairs.select_related(
        "person_a__origin_municipality__department", "person_b__origin_municipality__department"
    ).order_by("-probability", "id")


def match_pair_get_for(*, user: User, pair_id: int, section: str = "", request: HttpRequest | None = None):
    """A candidate pair, if ``user`` reviews matches; 404 otherwise. With ``section`` the read of
    both records is audited here."""
    from retorno.people.models import MatchCandidatePair

    if not can(user, "person.review_matches"):
        raise Http404
    try:
        pair = MatchCandidatePair.objects.select_related(
            "person_a__origin_municipality__department", "person_b__origin_municipality__department"
        ).get(pk=pair_id)
    except (MatchCandidatePair.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if section:
        for person in (pair.person_a, pair.person_b):
            audit_view(actor=user, obj=person, person_id=person.pk, section=section, request=request)
    return pair


def person_merges(*, person: Person):
    """Merges into (and out of) this record, newest first."""
    from retorno.people.models import PersonMerge

    return PersonMerge.objects.filter(Q(kept=person) | Q(merged=person)).select_related("kept", "merged", "merged_by")


def person_kept_record(person_id: int) -> int | None:
    """Where a merged-away record now lives (following merges of merges); None if it was not merged."""
    seen: set[int] = set()
    current = Person.objects.filter(pk=person_id).values_list("merged_into_id", flat=True).first()
    target = None
    while current and current not in seen:
        seen.add(current)
        target = current
        current = Person.objects.filter(pk=current).values_list("merged_into_id", flat=True).first()
    return target


def person_return_count(*, person: Person) -> int:
    """How many times the person has arrived (checked in or walked in), across every merged record.

    Reception counts arrivals and registers how (see ``hooks``); without it, none.
    """
    count = provider("returns")
    return count(person=person) if count is not None else 0


def remigration_count(*, start=None, end=None, department_code: str | None = None) -> int:
    """Persons who arrived again: with a present arrival in [start, end] (flight dates) that has an
    earlier present arrival of the same person. Without dates, every person with two or more arrivals.

    Reception counts arrivals and registers how (see ``hooks``); without it, none.
    """
    count = provider("remigrations")
    return count(start=start, end=end, department_code=department_code) if count is not None else 0
