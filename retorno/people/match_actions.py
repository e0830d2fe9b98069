"""Writes of the identity-matching workflow: the review queue, merge, unmerge, "not the same person".

A merge never rewrites history: rows of other apps that pointed at the merged-away record are
re-pointed to the kept one (found generically through Person's reverse relations, ``Person._meta.get_fields(include_hidden=True)``), the
list of moved rows is kept in a ``PersonMerge`` and in the audit event, and unmerge moves
exactly those rows back. Audit rows carry a plain ``person_id`` and are never updated.

The queue itself (``pair_record``, ``pairs_queue_for``) lives in ``match_queue``, which
``people.actions`` may import: this module calls into ``people.actions``, never the reverse.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from retorno.accounts.models import User
from retorno.audit.actions import audit_write
from retorno.lib.workflow import transition
from retorno.people.actions import person_reindex
from retorno.people.audit_actions import AuditAction
from retorno.people.hooks import persons_changing
from retorno.people.match_queue import pair_record, pairs_queue_for
from retorno.people.models import MatchCandidatePair, NotSamePerson, Person, PersonMerge, ordered_pair

Status = MatchCandidatePair.Status
__all__ = ["pair_record", "pair_set_status", "pairs_queue_for", "not_same_record", "person_merge", "person_unmerge"]


@transaction.atomic
def pair_set_status(*, actor: User, pair: MatchCandidatePair, status: str, request: HttpRequest | None = None) -> None:
    """Move a pair along its pipeline (``MatchCandidatePair.TRANSITIONS``); refuses illegal moves."""
    pair = MatchCandidatePair.objects.select_for_update().get(pk=pair.pk)
    transition(
        pair,
        status,
        actor=actor,
        action=AuditAction.MATCH_PAIR_STATUS,
        person_id=pair.person_a_id,
        request=request,
        fields={"decided_by": actor, "decided_at": timezone.now()},
        audit_extra={"persons": [pair.person_a_id, pair.person_b_id]},
    )


@transaction.atomic
def not_same_record(*, actor: User, a: Person, b: Person, request: HttpRequest | None = None) -> NotSamePerson:
    """Remember that two records are different people: they are never proposed together again."""
    low, high = ordered_pair(a.pk, b.pk)
    if low == high:
        raise ValidationError(_("A record cannot be compared with itself."))
    decision, created = NotSamePerson.objects.get_or_create(
        person_a_id=low, person_b_id=high, defaults={"decided_by": actor}
    )
    pair = MatchCandidatePair.objects.filter(person_a_id=low, person_b_id=high).first()
    if pair and pair.status != Status.NOT_SAME:
        pair_set_status(actor=actor, pair=pair, status=Status.NOT_SAME, request=request)
    if created:
        for person_id in (low, high):
            audit_write(
                actor=actor,
                action=AuditAction.PERSON_NOT_SAME,
                obj=decision,
                person_id=person_id,
                new={"persons": [low, high]},
                request=request,
            )
    return decision


# The registry's own index and matching tables: rebuilt or decided per record, never moved.
NOT_MOVED = {"people.nametoken", "people.personmatchkey", "people.matchcandidatepair", "people.notsameperson"}
NOT_MOVED |= {"people.personmerge"}


def _relations():
    """Every relation through which other rows point at a person, hidden ones (related_name="+") included."""
    for rel in Person._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and rel.is_relation):
            continue
        if rel.related_model is Person or rel.related_model._meta.label_lower in NOT_MOVED:
            continue  # earlier merges stay as they were: the profile follows the chain
        if rel.many_to_many:
            through = rel.through
            field = next(f for f in through._meta.concrete_fields if f.is_relation and f.related_model is Person)
            yield through, field.name
        else:
            yield rel.related_model, rel.field.name


def _move(model, field: str, pks: Iterable, to: Person) -> tuple[list, list]:
    """Re-point rows one by one; a row that cannot move (a unique rule) stays where it was."""
    moved, stayed = [], []
    for pk in pks:
        try:
            with transaction.atomic():
                model.objects.filter(pk=pk).update(**{field: to})
        except IntegrityError:
            stayed.append(pk)
        else:
            moved.append(pk)
    return moved, stayed


@transaction.atomic
def person_merge(
    *,
    actor: User,
    keep: Person,
    merge: Person,
    pair: MatchCandidatePair | None = None,
    request: HttpRequest | None = None,
) -> PersonMerge:
    """Merge ``merge`` into ``keep``: every arrival, case, referral, consent, contact and identifier moves.

    The merged-away record stays (with ``merged_into`` set) so the merge can be undone; its
    profile redirects to the kept one. Both records get an audit event listing the moved rows.
    """
    keep, merge = (Person.objects.select_for_update().get(pk=p.pk) for p in (keep, merge))
    if keep.pk == merge.pk:
        raise ValidationError(_("A record cannot be merged into itself."))
    if keep.merged_into_id or merge.merged_into_id:
        raise ValidationError(_("One of these records has already been merged."))
    low, high = ordered_pair(keep.pk, merge.pk)
    if NotSamePerson.objects.filter(person_a_id=low, person_b_id=high).exists():
        raise ValidationError(_("These records were marked as different people."))
    moved, stayed = [], []
    with persons_changing([keep.pk, merge.pk]):  # arrivals move: the evidence summaries follow
        for model, field in _relations():
            pks = list(model.objects.filter(**{field: merge}).values_list("pk", flat=True))
            if not pks:
                continue
            done, kept_back = _move(model, field, pks, keep)
            if done:
                moved.append([model._meta.label_lower, field, done])
            if kept_back:
                stayed.append([model._meta.label_lower, field, kept_back])
    merge.merged_into = keep
    merge.updated_at = timezone.now()
    merge.save(update_fields=["merged_into", "updated_at"])
    if pair is None:
        pair = MatchCandidatePair.objects.filter(person_a_id=low, person_b_id=high).first()
    record = PersonMerge.objects.create(kept=keep, merged=merge, pair=pair, moved=moved, stayed=stayed, merged_by=actor)
    if pair and pair.status != Status.MERGED:
        pair_set_status(actor=actor, pair=pair, status=Status.MERGED, request=request)
    _reindex(keep, merge)
    detail = {"kept": keep.pk, "merged": merge.pk, "merge": record.pk, "moved": moved, "stayed": stayed}
    for person_id in (keep.pk, merge.pk):
        audit_write(
            actor=actor, action=AuditAction.PERSON_MERGE, obj=record, person_id=person_id, new=detail, request=request
        )
    return record


@transaction.atomic
def person_unmerge(*, actor: User, merge: PersonMerge, request: HttpRequest | None = None) -> PersonMerge:
    """Undo a merge: exactly the rows it moved go back, and the record lives again."""
    merge = PersonMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.unmerged_at:
        raise ValidationError(_("This merge has already been undone."))
    merged = Person.objects.select_for_update().get(pk=merge.merged_id)
    if merged.merged_into_id != merge.kept_id:
        raise ValidationError(_("This record has been changed since the merge; it cannot be undone here."))
    with persons_changing([merge.kept_id, merged.pk]):
        for label, field, pks in merge.moved:
            apps.get_model(label).objects.filter(pk__in=pks, **{field: merge.kept_id}).update(**{field: merged})
    merged.merged_into = None
    merged.updated_at = timezone.now()
    merged.save(update_fields=["merged_into", "updated_at"])
    merge.unmerged_by, merge.unmerged_at = actor, timezone.now()
    merge.save(update_fields=["unmerged_by", "unmerged_at"])
    if merge.pair_id and merge.pair.status == Status.MERGED:
        pair_set_status(actor=actor, pair=merge.pair, status=Status.UNMERGED, request=request)
    kept = Person.objects.get(pk=merge.kept_id)
    _reindex(kept, merged)
    detail = {"kept": merge.kept_id, "merged": merged.pk, "merge": merge.pk, "moved_back": merge.moved}
    for person_id in (merge.kept_id, merged.pk):
        audit_write(
            actor=actor, action=AuditAction.PERSON_UNMERGE, obj=merge, person_id=person_id, new=detail, request=request
        )
    return merge


def _reindex(*persons: Person) -> None:
    for person in persons:
        person_reindex(person)  # search words and matching keys
