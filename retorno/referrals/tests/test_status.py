"""The referral status pipeline: every legal move, refusals of illegal ones, and the record of each change."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from retorno.audit.models import AuditEvent
from retorno.referrals.actions import referral_set_status
from retorno.referrals.models import Referral

S = Referral.Status


@pytest.mark.parametrize(
    ("path", "reasons"),
    [
        ([S.ACCEPTED, S.COMPLETED], {}),
        ([S.REJECTED], {S.REJECTED: "No vacancies this month"}),
        ([S.REVOKED], {S.REVOKED: "Person found a job elsewhere"}),
        ([S.ACCEPTED, S.NO_SHOW], {S.NO_SHOW: "Did not come to the interview"}),
        ([S.ACCEPTED, S.REVOKED], {S.REVOKED: "Consent withdrawn"}),
    ],
)
def test_every_legal_path_is_recorded_and_audited(job_referral, employer_partner, reintegration_officer, path, reasons):
    for status in path:
        actor = reintegration_officer if status == S.REVOKED else employer_partner
        referral = referral_set_status(
            actor=actor, referral=job_referral, status=status, reason=reasons.get(status, "")
        )
    assert referral.status == path[-1]
    assert referral.closed_at is not None
    history = list(referral.changes.values_list("from_status", "to_status"))
    assert history == list(zip(["", S.PENDING, *path[:-1]], [S.PENDING, *path], strict=True))
    if path[-1] in reasons:
        assert referral.reason == reasons[path[-1]]
    audited = list(
        AuditEvent.objects.filter(object_type="referrals.referral", object_id=str(referral.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert audited == ["referral.create", *(f"referral.{s}" for s in path)]


def test_answer_dates_are_kept(job_referral, employer_partner):
    referral = referral_set_status(actor=employer_partner, referral=job_referral, status=S.ACCEPTED)
    assert referral.answered_at is not None and referral.closed_at is None
    referral = referral_set_status(actor=employer_partner, referral=referral, status=S.COMPLETED)
    assert referral.closed_at >= referral.answered_at


@pytest.mark.parametrize("final", [S.REJECTED, S.COMPLETED, S.REVOKED, S.NO_SHOW])
def test_final_statuses_move_nowhere(final):
    assert Referral.TRANSITIONS[final] == frozenset()


@pytest.mark.parametrize(
    ("before", "illegal"),
    [
        ([], S.COMPLETED),
        ([], S.NO_SHOW),
        ([S.ACCEPTED], S.REJECTED),
        ([S.ACCEPTED, S.COMPLETED], S.ACCEPTED),
        ([S.ACCEPTED], S.PENDING),
    ],
)
def test_illegal_moves_are_refused_and_leave_no_trace(
    job_referral, employer_partner, reintegration_officer, before, illegal
):
    for status in before:
        job_referral = referral_set_status(actor=employer_partner, referral=job_referral, status=status)
    changes = job_referral.changes.count()
    with pytest.raises(ValidationError) as error:
        referral_set_status(actor=reintegration_officer, referral=job_referral, status=illegal, reason="x")
    assert "status" in error.value.message_dict
    job_referral.refresh_from_db()
    assert job_referral.status == (before[-1] if before else S.PENDING)
    assert job_referral.changes.count() == changes


@pytest.mark.parametrize("status", [S.REJECTED, S.REVOKED])
def test_failures_need_a_reason(job_referral, reintegration_officer, status):
    with pytest.raises(ValidationError) as error:
        referral_set_status(actor=reintegration_officer, referral=job_referral, status=status, reason="  ")
    assert "reason" in error.value.message_dict


def test_partner_cannot_revoke_and_other_partner_cannot_answer(
    job_referral, employer_partner, shelter_partner, monitor
):
    with pytest.raises(PermissionDenied):
        referral_set_status(actor=employer_partner, referral=job_referral, status=S.REVOKED, reason="no")
    with pytest.raises(PermissionDenied):
        referral_set_status(actor=shelter_partner, referral=job_referral, status=S.ACCEPTED)
    with pytest.raises(PermissionDenied):
        referral_set_status(actor=monitor, referral=job_referral, status=S.ACCEPTED)
    job_referral.refresh_from_db()
    assert job_referral.status == S.PENDING


def test_staff_record_an_answer_given_by_phone(job_referral, reintegration_officer):
    referral = referral_set_status(
        actor=reintegration_officer, referral=job_referral, status=S.ACCEPTED, note="Llamó el gerente"
    )
    change = referral.changes.last()
    assert (change.via, change.actor, change.note) == ("programme", reintegration_officer, "Llamó el gerente")
