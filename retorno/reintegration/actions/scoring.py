"""Recomputing stored survey scores from their raw answers with a scoring version (managers)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, snapshot
from retorno.reintegration import rss
from retorno.reintegration.audit_actions import AuditAction
from retorno.reintegration.models import FollowUpOutcome

RESCORE = "reintegration.rescore"
SCORE_FIELDS = ["rss_version", "economic_score", "social_score", "psychosocial_score", "composite_score"]
BATCH = 500


@dataclass(frozen=True)
class Rescored:
    version: str
    checked: int
    changed: int
    unscorable: int  # answers this version does not know: left as they were


def _apply(actor: User, outcome: FollowUpOutcome, scores: rss.Scores, *, reason: str, request) -> bool:
    """Store ``scores`` on ``outcome`` if they differ from what is stored; audit the change."""
    old = snapshot(outcome, SCORE_FIELDS)
    outcome.rss_version = scores.version
    outcome.economic_score, outcome.social_score = scores.economic, scores.social
    outcome.psychosocial_score, outcome.composite_score = scores.psychosocial, scores.composite
    new = snapshot(outcome, SCORE_FIELDS)
    if new == old:
        return False
    outcome.save(update_fields=SCORE_FIELDS)
    audit_write(
        actor=actor,
        action=AuditAction.FOLLOWUP_RESCORE,
        obj=outcome,
        person_id=outcome.followup.person_id,
        old=old,
        new=new,
        reason=reason,
        request=request,
    )
    return True


@transaction.atomic
def outcome_rescore(
    *, actor: User, outcome: FollowUpOutcome, version: str = rss.CURRENT_VERSION, request=None
) -> FollowUpOutcome:
    """Recompute one outcome's RSS scores from its stored raw answers with scoring ``version``."""
    require(actor, RESCORE)
    outcome = FollowUpOutcome.objects.select_for_update(of=("self",)).select_related("followup").get(pk=outcome.pk)
    _apply(actor, outcome, rss.score(outcome.rss_answers, version), reason="", request=request)
    return outcome


def outcomes_rescore(*, actor: User, version: str, request=None) -> Rescored:
    """Recompute every stored outcome's scores with scoring ``version``, in batches.

    Only outcomes whose stored scores differ are written, each with an audit row, so running it
    again changes nothing, and a run that is stopped keeps every batch it finished. Outcomes whose
    answers the version does not know are left as they were and counted.
    """
    require(actor, RESCORE)
    scoring = rss.scoring(version)
    checked = changed = unscorable = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                FollowUpOutcome.objects.select_for_update(of=("self",))
                .select_related("followup")
                .filter(pk__gt=last_pk)
                .order_by("pk")[:BATCH]
            )
            if not batch:
                break
            for outcome in batch:
                checked += 1
                try:
                    scores = rss.score_with(scoring, outcome.rss_answers)
                except ValidationError:
                    unscorable += 1
                    continue
                changed += _apply(actor, outcome, scores, reason="rescore_all", request=request)
            last_pk = batch[-1].pk
    return Rescored(version=scoring.code, checked=checked, changed=changed, unscorable=unscorable)
