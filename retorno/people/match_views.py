"""Pages of the duplicate review: the queue, a pair side by side, merge, unmerge, "not the same person"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, permission_required
from retorno.audit.actions import audit_view
from retorno.people import match_actions
from retorno.people.match_reasons import reasons_list
from retorno.people.models import MatchCandidatePair, PersonMerge
from retorno.people.queries import match_pair_get_for, match_pairs_for_review, person_get_for, person_return_count

QUEUE_LIMIT = 200


@permission_required("person.review_matches")
def queue(request: HttpRequest) -> HttpResponse:
    """Open candidate pairs, likely duplicates first (filter by band)."""
    band = request.GET.get("band") or None
    if band not in (None, *MatchCandidatePair.Band.values):
        band = None
    pairs = match_pairs_for_review(user=request.user, band=band)
    return render(
        request,
        "people/match_queue.html",
        {
            "pairs": pairs[:QUEUE_LIMIT],
            "total": pairs.count(),
            "band": band,
            "bands": [(b, label) for b, label in MatchCandidatePair.Band.choices if b != "unique"],
        },
    )


def _side(request: HttpRequest, person) -> dict:
    return {
        "person": person,
        "identifiers": list(person.identifiers.all()),
        "contacts": len(person.contacts.all()),
        "returns": person_return_count(person=person),
    }


@permission_required("person.review_matches")
def pair(request: HttpRequest, pair_id: int) -> HttpResponse:
    """Both records side by side, with their arrivals and the reasons for and against; the reads are audited."""
    candidate = match_pair_get_for(user=request.user, pair_id=pair_id)
    for person in (candidate.person_a, candidate.person_b):
        audit_view(actor=request.user, obj=person, person_id=person.pk, section="match_review", request=request)
    return render(
        request,
        "people/match_pair.html",
        {
            "pair": candidate,
            "sides": [_side(request, candidate.person_a), _side(request, candidate.person_b)],
            "reasons": reasons_list(candidate.reasons),
            "percent": round(candidate.probability * 100),
            "can_merge": can(request.user, "person.merge") and candidate.status in ("open", "unmerged"),
            "can_decide": candidate.status in ("open", "unmerged"),
        },
    )


@require_POST
@permission_required("person.merge")
def merge(request: HttpRequest, pair_id: int) -> HttpResponse:
    """Merge the pair: the record chosen in ``keep`` stays, the other joins it."""
    candidate = match_pair_get_for(user=request.user, pair_id=pair_id)
    sides = {str(candidate.person_a_id): candidate.person_a, str(candidate.person_b_id): candidate.person_b}
    keep = sides.get(request.POST.get("keep", ""))
    if keep is None:
        messages.error(request, _("Choose the record to keep."))
        return redirect("people:match_pair", pair_id=candidate.pk)
    other = candidate.person_b if keep.pk == candidate.person_a_id else candidate.person_a
    try:
        match_actions.person_merge(actor=request.user, keep=keep, merge=other, pair=candidate, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("people:match_pair", pair_id=candidate.pk)
    messages.success(request, _("Record #%(merged)s merged into #%(kept)s.") % {"merged": other.pk, "kept": keep.pk})
    return redirect("people:detail", person_id=keep.pk)


@require_POST
@permission_required("person.review_matches")
def not_same(request: HttpRequest, pair_id: int) -> HttpResponse:
    """Remember that the two records are different people."""
    candidate = match_pair_get_for(user=request.user, pair_id=pair_id)
    try:
        match_actions.not_same_record(actor=request.user, a=candidate.person_a, b=candidate.person_b, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("people:match_pair", pair_id=candidate.pk)
    messages.success(request, _("Marked as different people: they will not be proposed again."))
    return redirect("people:match_queue")


@require_POST
@permission_required("person.merge")
def unmerge(request: HttpRequest, merge_id: int) -> HttpResponse:
    """Undo a merge; the rows it moved go back to the record they came from."""
    try:
        record = PersonMerge.objects.get(pk=merge_id)
    except PersonMerge.DoesNotExist:
        raise Http404 from None
    person_get_for(user=request.user, person_id=record.kept_id)
    try:
        match_actions.person_unmerge(actor=request.user, merge=record, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("people:detail", person_id=record.kept_id)
    except PermissionDenied:
        raise
    messages.success(request, _("Merge undone: record #%(id)s is separate again.") % {"id": record.merged_id})
    return redirect("people:detail", person_id=record.merged_id)
