"""What reception sets in motion for the teams after it (follow-ups, protection, shelter)."""

import pytest

from retorno.people.actions import consent_record
from retorno.protection.models import ProtectionReferral
from retorno.reception import actions
from retorno.reception.models import Arrival
from retorno.referrals import actions as referral_actions
from retorno.referrals.models import Referral
from retorno.reintegration.models import FollowUp

pytestmark = pytest.mark.django_db


def arrival_of(flight, surname: str) -> Arrival:
    return flight.arrivals.select_related("manifest_row").get(manifest_row__values__first_surname=surname)


def test_check_in_schedules_the_arrivals_follow_ups(open_flight, clerk, person):
    from retorno.people.actions import consent_record

    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)  # only with consent (issue 9)
    actions.arrival_check_in(actor=clerk, arrival=arrival_of(open_flight, "Xicará"))
    due = list(FollowUp.objects.filter(person=person).order_by("due_on").values_list("due_on", flat=True))
    assert len(due) == 4  # 1, 3, 6 and 12 months after arrival
    assert due[0] < due[-1]


def test_protection_flag_lands_in_the_protection_queue_without_a_reason(open_flight, clerk, person):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_of(open_flight, "Xicará"))
    actions.triage_record(actor=clerk, arrival=arrival, refer_to_protection=True)
    referral = ProtectionReferral.objects.get(person=person)
    assert referral.arrival_id == arrival.pk and referral.status == ProtectionReferral.Status.PENDING
    assert not referral.unaccompanied_minor
    # Triage again: still one referral.
    actions.triage_record(actor=clerk, arrival=arrival, refer_to_protection=True, refreshments=True)
    assert ProtectionReferral.objects.filter(person=person).count() == 1


def test_unaccompanied_minor_is_queued_as_such(open_flight, clerk):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_of(open_flight, "Tum"))
    actions.triage_record(actor=clerk, arrival=arrival, travelling_alone=True)
    assert ProtectionReferral.objects.get(arrival_id=arrival.pk).unaccompanied_minor


def test_shelter_need_with_consent_becomes_a_shelter_referral(open_flight, clerk, manager, person, shelter_org):
    partner = referral_actions.partner_create(actor=manager, organisation=shelter_org, services=["shelter"])
    referral_actions.shelter_create(actor=manager, partner=partner, name="Casa del Migrante zona 1", capacity_adults=20)
    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_of(open_flight, "Xicará"))
    actions.triage_record(actor=clerk, arrival=arrival, shelter=True)
    referral = Referral.objects.get(person=person)
    assert referral.partner == partner and referral.status == Referral.Status.PENDING


def test_shelter_need_without_consent_refers_nobody(open_flight, clerk, person):
    arrival = actions.arrival_check_in(actor=clerk, arrival=arrival_of(open_flight, "Xicará"))
    actions.triage_record(actor=clerk, arrival=arrival, shelter=True)
    assert not Referral.objects.filter(person=person).exists()
    assert arrival.triage.shelter  # the need itself is kept and counted on the flight page
