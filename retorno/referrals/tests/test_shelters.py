"""Shelters: expected arrivals from reception, check-in/out, capacity, stay limits, occupancy."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from retorno.people.actions import consent_record, person_create
from retorno.referrals import actions
from retorno.referrals.models import Referral, Stay
from retorno.referrals.queries import expected_arrivals, occupancy_by_day, occupancy_today, stay_warnings


def _returnee(clerk, given="María", sex="F", birth=datetime.date(1995, 1, 1)):
    person = person_create(actor=clerk, given_names=given, first_surname="Pérez", sex=sex, birth_date=birth)
    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    return person


def test_reception_referral_lands_as_expected_arrival(consenting_person, shelter, clerk):
    class Arrival:
        pk = 77
        arrived_at = timezone.now()

    referral = actions.shelter_referral_from_reception(actor=clerk, person=consenting_person, arrival=Arrival())
    assert (referral.shelter, referral.service, referral.status, referral.arrival_id) == (
        shelter,
        "shelter",
        "pending",
        77,
    )
    assert referral.shared_fields == ["name", "sex", "age", "languages"]
    assert list(expected_arrivals(shelter)) == [referral]


def test_reception_picks_a_shelter_with_beds_of_the_persons_type(clerk, shelter, shelter_profile, manager):
    girl = _returnee(clerk, given="Ana", birth=timezone.localdate() - datetime.timedelta(days=15 * 365))
    with pytest.raises(ValidationError):  # no shelter takes minors yet
        actions.shelter_referral_from_reception(actor=clerk, person=girl)
    minors = actions.shelter_create(
        actor=manager, partner=shelter_profile, name="Casa Nuestras Raíces", capacity_minors=10
    )
    assert actions.shelter_referral_from_reception(actor=clerk, person=girl).shelter == minors
    woman = _returnee(clerk)
    assert actions.shelter_referral_from_reception(actor=clerk, person=woman).shelter == shelter


def test_check_in_accepts_and_check_out_completes(shelter_referral, shelter_partner):
    stay = actions.stay_check_in(actor=shelter_partner, referral=shelter_referral)
    shelter_referral.refresh_from_db()
    assert shelter_referral.status == Referral.Status.ACCEPTED
    assert stay.bed_type == "adults"
    assert stay.limit_at - stay.checked_in_at == datetime.timedelta(hours=72)
    assert list(expected_arrivals(shelter_referral.shelter)) == []
    actions.stay_check_out(actor=shelter_partner, stay=stay, note="Viajó a Huehuetenango")
    shelter_referral.refresh_from_db()
    assert shelter_referral.status == Referral.Status.COMPLETED
    with pytest.raises(ValidationError):
        actions.stay_check_out(actor=shelter_partner, stay=stay)


def test_cannot_check_in_twice_or_a_closed_referral(
    shelter_referral, shelter_partner, reintegration_officer, refer, shelter_profile, shelter
):
    actions.stay_check_in(actor=shelter_partner, referral=shelter_referral)
    with pytest.raises(ValidationError):
        actions.stay_check_in(actor=shelter_partner, referral=shelter_referral)
    other = refer(shelter_profile, service="shelter", shelter=shelter)
    actions.referral_set_status(
        actor=reintegration_officer, referral=other, status="revoked", reason="Se fue con su familia"
    )
    with pytest.raises(ValidationError):
        actions.stay_check_in(actor=shelter_partner, referral=other)


def test_full_beds_refuse_check_in(clerk, shelter, shelter_partner):
    women = [_returnee(clerk, given=f"Mujer{i}") for i in range(2)]
    referrals = [actions.shelter_referral_from_reception(actor=clerk, person=p, shelter=shelter) for p in women]
    actions.stay_check_in(actor=shelter_partner, referral=referrals[0])
    with pytest.raises(ValidationError) as error:
        actions.stay_check_in(actor=shelter_partner, referral=referrals[1])
    assert "bed_type" in error.value.message_dict
    assert actions.stay_check_in(actor=shelter_partner, referral=referrals[1], bed_type="adults").bed_type == "adults"


def test_other_partners_cannot_check_in(shelter_referral, employer_partner, monitor):
    for actor in (employer_partner, monitor):
        with pytest.raises(PermissionDenied):
            actions.stay_check_in(actor=actor, referral=shelter_referral)
    assert not Stay.objects.exists()


def test_stay_limit_warnings_follow_the_shelters_settings(shelter_referral, shelter_partner, manager):
    shelter = actions.shelter_update(
        actor=manager, shelter=shelter_referral.shelter, stay_limit_hours=24, warning_hours=6
    )
    checked_in = timezone.now() - datetime.timedelta(hours=20)
    stay = actions.stay_check_in(actor=shelter_partner, referral=shelter_referral, at=checked_in)
    assert stay.limit_at == checked_in + datetime.timedelta(hours=24)
    assert stay.warning_level(checked_in + datetime.timedelta(hours=17)) == ""
    assert stay.warning_level(checked_in + datetime.timedelta(hours=18)) == "soon"
    assert stay.warning_level(checked_in + datetime.timedelta(hours=24)) == "over"
    assert [s.pk for s in stay_warnings(user=shelter_partner)] == [stay.pk]
    assert shelter.stay_limit_hours == 24


def test_default_stay_limit_is_72_hours_and_warning_before_limit(shelter_profile, manager):
    shelter = actions.shelter_create(actor=manager, partner=shelter_profile, name="Otro", capacity_adults=1)
    assert shelter.stay_limit_hours == 72
    with pytest.raises(ValidationError):
        actions.shelter_update(actor=manager, shelter=shelter, warning_hours=80)


def test_shelter_needs_a_partner_offering_shelter(employer_profile, manager):
    with pytest.raises(ValidationError):
        actions.shelter_create(actor=manager, partner=employer_profile, name="No", capacity_adults=1)


def test_occupancy_today_and_per_day(clerk, shelter, shelter_partner):
    today = timezone.localdate()
    midnight = datetime.datetime.combine(today, datetime.time.min, tzinfo=timezone.get_current_timezone())
    people = [_returnee(clerk, given=f"P{i}", sex="M") for i in range(2)]
    referrals = [actions.shelter_referral_from_reception(actor=clerk, person=p, shelter=shelter) for p in people]
    first = actions.stay_check_in(
        actor=shelter_partner, referral=referrals[0], at=midnight - datetime.timedelta(days=3, hours=-10)
    )
    actions.stay_check_out(actor=shelter_partner, stay=first, at=midnight - datetime.timedelta(days=2, hours=-10))
    actions.stay_check_in(actor=shelter_partner, referral=referrals[1], at=midnight - datetime.timedelta(hours=4))
    now = {row["bed_type"]: row for row in occupancy_today(shelter)}
    assert (now["adults"]["present"], now["adults"]["free"], now["women"]["present"]) == (1, 1, 0)
    days = occupancy_by_day(shelter, days=5, today=today)
    assert [row["day"] for row in days] == [today - datetime.timedelta(days=n) for n in (4, 3, 2, 1, 0)]
    assert [row["total"] for row in days] == [0, 1, 1, 1, 1]
    assert days[-1]["by_type"]["adults"] == 1 and days[-1]["percent"] == 33  # 1 of 3 beds
