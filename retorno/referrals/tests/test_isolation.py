"""Partner isolation: the shelter's user sees nothing of the employer's referrals, and vice versa."""

from retorno.referrals.queries import partner_inbox, referrals_visible_to, shelters_visible_to


def test_each_partner_sees_only_its_own(job_referral, shelter_referral, shelter_partner, employer_partner):
    assert list(partner_inbox(user=shelter_partner)) == [shelter_referral]
    assert list(partner_inbox(user=employer_partner)) == [job_referral]
    assert list(shelters_visible_to(employer_partner)) == []


def test_shelter_user_gets_nothing_of_the_employers_referral(
    client_for, api_for, job_referral, shelter_referral, shelter_partner
):
    client = client_for(shelter_partner)
    inbox = client.get("/referrals/inbox/").content.decode()
    assert f"#{job_referral.pk}<" not in inbox and "Entrevista para puesto" not in inbox
    assert client.get(f"/referrals/inbox/{job_referral.pk}/").status_code == 404
    assert client.post(f"/referrals/inbox/{job_referral.pk}/", {"status": "accepted"}).status_code == 404
    api = api_for(shelter_partner)
    assert [r["id"] for r in api.get("/api/v1/referrals/inbox").json()] == [shelter_referral.pk]
    assert api.get(f"/api/v1/referrals/inbox/{job_referral.pk}").status_code == 404
    assert (
        api.post(
            f"/api/v1/referrals/inbox/{job_referral.pk}/answer", {"status": "accepted"}, content_type="application/json"
        ).status_code
        == 404
    )
    job_referral.refresh_from_db()
    assert job_referral.status == "pending"


def test_employer_gets_nothing_of_the_shelters_referral(
    client_for, api_for, job_referral, shelter_referral, employer_partner
):
    assert client_for(employer_partner).get(f"/referrals/inbox/{shelter_referral.pk}/").status_code == 404
    api = api_for(employer_partner)
    assert api.get(f"/api/v1/referrals/inbox/{shelter_referral.pk}").status_code == 404
    assert api.get(f"/api/v1/referrals/shelters/{shelter_referral.shelter_id}").status_code == 404
    assert api.get("/api/v1/referrals/shelters").json() == []


def test_staff_see_all(job_referral, shelter_referral, clerk):
    assert set(referrals_visible_to(clerk)) == {job_referral, shelter_referral}


def test_inbox_reads_consent_without_a_query_per_referral(client_for, refer, employer_profile, employer_partner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(employer_partner)

    def queries_for_inbox(expected_rows: int) -> int:
        with CaptureQueriesContext(connection) as context:
            page = client.get("/referrals/inbox/").content.decode()
        assert page.count("José Luis Xicará Tzul") == expected_rows
        return len(context)

    for n in range(2):
        refer(employer_profile, service="employment", purpose=f"Vacante {n}")
    client.get("/referrals/inbox/")  # warm the session
    with_two = queries_for_inbox(2)
    for n in range(4):
        refer(employer_profile, service="employment", purpose=f"Otra vacante {n}")
    assert queries_for_inbox(6) == with_two
