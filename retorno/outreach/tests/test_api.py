"""The outreach API: each endpoint for who may, refused for who may not, 422 naming the field."""

from retorno.outreach.models import Participant, Training

BASE = "/api/v1/outreach"


def _get_urls(w) -> list[str]:
    return [
        f"{BASE}/trainings",
        f"{BASE}/trainings/{w['training'].pk}",
        f"{BASE}/trainings/{w['training'].pk}/enrolments",
        f"{BASE}/participants",
        f"{BASE}/networks",
        f"{BASE}/agreements-due",
        f"{BASE}/campaigns",
        f"{BASE}/campaigns/by-department",
        f"{BASE}/dialogue",
        f"{BASE}/figures",
        f"{BASE}/institutions",
        f"{BASE}/institutions/{w['judiciary'].pk}",
        f"{BASE}/institutions/{w['judiciary'].pk}/contacts",
        f"{BASE}/agreements",
        f"{BASE}/agreements/{w['agreement'].pk}",
        f"{BASE}/assessments",
        f"{BASE}/assessments/{w['assessment'].pk}",
        f"{BASE}/checklists",
    ]


def test_reads_answer_the_officer_and_the_monitor(world, officer, monitor, api_for):
    for user in (officer, monitor):
        api = api_for(user)
        for url in _get_urls(world):
            assert api.get(url).status_code == 200, (user.username, url)


def test_reads_refuse_reception_staff(world, clerk, api_for):
    api = api_for(clerk)
    for url in _get_urls(world):
        if "/institutions" in url:
            continue  # programme staff may look up the directory
        assert api.get(url).status_code == 403, url


def test_without_a_token_nothing_answers(world, client):
    assert client.get(f"{BASE}/trainings").status_code == 401


def test_a_partner_reads_only_its_own_agreements_and_assessments(world, shelter_partner, employer_partner, api_for):
    own = api_for(shelter_partner)
    assert [a["title"] for a in own.get(f"{BASE}/agreements").json()] == ["Subvención Casa del Migrante 2026"]
    assert own.get(f"{BASE}/assessments").json()[0]["percent"] == 67
    other = api_for(employer_partner)
    assert other.get(f"{BASE}/agreements").json() == []
    assert other.get(f"{BASE}/agreements/{world['agreement'].pk}").status_code == 404
    assert other.get(f"{BASE}/assessments/{world['assessment'].pk}").status_code == 404
    assert own.get(f"{BASE}/trainings").status_code == 403


def test_plan_a_training_enrol_score_and_print_through_the_api(officer, judiciary, api_for):
    api = api_for(officer)
    created = api.post(
        f"{BASE}/trainings",
        {
            "title": "Trata de personas — jueces de Huehuetenango",
            "topic": "trafficking",
            "audience": "judges",
            "starts_on": "2026-07-01",
            "ends_on": "2026-07-01",
            "institution_ids": [judiciary.pk],
            "department": "13",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    tid = created.json()["id"]
    assert (
        api.post(
            f"{BASE}/trainings/{tid}/sessions",
            {"date": "2026-07-01", "subject": "Ley VET"},
            content_type="application/json",
        ).status_code
        == 201
    )
    person = {
        "full_name": "Ana Ajú",
        "institution_id": judiciary.pk,
        "position": "Jueza de paz",
        "sex": "F",
        "department": "13",
    }
    first = api.post(f"{BASE}/trainings/{tid}/enrolments", person, content_type="application/json")
    assert first.status_code == 201 and first.json()["repeat_participant"] is False
    session_id = Training.objects.get(pk=tid).sessions.get().pk
    eid = first.json()["id"]
    assert (
        api.post(
            f"{BASE}/trainings/{tid}/sessions/{session_id}/attendance",
            {"present": [eid]},
            content_type="application/json",
        ).status_code
        == 200
    )
    scored = api.post(
        f"{BASE}/trainings/{tid}/scores",
        {"scores": [{"enrolment_id": eid, "pre_score": 50, "post_score": 90}]},
        content_type="application/json",
    )
    assert scored.json()[0]["certified"] is True
    assert (
        api.post(f"{BASE}/trainings/{tid}/status", {"status": "held"}, content_type="application/json").json()["status"]
        == "held"
    )
    pdf = api.get(f"{BASE}/trainings/{tid}/certificates.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    figures = api.get(f"{BASE}/figures").json()
    assert figures["totals"]["judges_trained"] == 1
    assert figures["by"]["department"] == [{"group": "Huehuetenango", "officials": 1, "women": 1, "men": 0}]
    # The same judge in a second training is recognised, not registered again.
    second = api.post(
        f"{BASE}/trainings",
        {
            "title": "Seguimiento",
            "topic": "trafficking",
            "audience": "judges",
            "starts_on": "2026-08-01",
            "ends_on": "2026-08-01",
        },
        content_type="application/json",
    ).json()["id"]
    again = api.post(
        f"{BASE}/trainings/{second}/enrolments", dict(person, full_name="ANA AJU"), content_type="application/json"
    )
    assert again.json()["repeat_participant"] is True and Participant.objects.count() == 1


def test_bad_input_answers_422_naming_the_field(officer, api_for):
    api = api_for(officer)
    response = api.post(
        f"{BASE}/trainings",
        {"title": "x", "topic": "cooking", "audience": "judges", "starts_on": "2026-07-01", "ends_on": "2026-07-01"},
        content_type="application/json",
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "topic"
    unknown = api.post(
        f"{BASE}/trainings",
        {
            "title": "x",
            "topic": "trafficking",
            "audience": "judges",
            "starts_on": "2026-07-01",
            "ends_on": "2026-07-01",
            "institution_ids": [999999],
        },
        content_type="application/json",
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "institution_ids"
    assert not Training.objects.filter(title="x").exists()


def test_writes_refuse_the_monitor(world, monitor, api_for):
    api = api_for(monitor)
    w = world
    posts = [
        (
            f"{BASE}/trainings",
            {
                "title": "x",
                "topic": "trafficking",
                "audience": "judges",
                "starts_on": "2026-07-01",
                "ends_on": "2026-07-01",
            },
        ),
        (f"{BASE}/trainings/{w['training'].pk}/sessions", {"date": "2026-05-04", "subject": "x"}),
        (
            f"{BASE}/trainings/{w['training'].pk}/enrolments",
            {"full_name": "x", "institution_id": w["judiciary"].pk, "position": "x", "sex": "F"},
        ),
        (f"{BASE}/trainings/{w['training'].pk}/scores", {"scores": []}),
        (f"{BASE}/trainings/{w['training'].pk}/status", {"status": "closed"}),
        (f"{BASE}/institutions", {"name": "x", "slug": "x", "kind": "ngo"}),
        (f"{BASE}/institutions/{w['judiciary'].pk}/contacts", {"name": "x"}),
        (f"{BASE}/networks", {"name": "x", "kind": "working_group"}),
        (f"{BASE}/networks/{w['network'].pk}/members", {"organisation_id": w["judiciary"].pk}),
        (f"{BASE}/networks/{w['network'].pk}/meetings", {"date": "2026-05-01", "agenda": "x"}),
        (
            f"{BASE}/networks/{w['network'].pk}/agreements",
            {"commitment": "x", "owner_id": w["judiciary"].pk, "due_on": "2026-05-01"},
        ),
        (f"{BASE}/network-agreements/{w['due'].pk}/status", {"status": "done"}),
        (f"{BASE}/campaigns", {"name": "x", "objective": "x", "audience": "radio", "starts_on": "2026-05-01"}),
        (f"{BASE}/campaigns/{w['campaign'].pk}/activities", {"kind": "broadcast", "date": "2026-05-01"}),
        (f"{BASE}/dialogue", {"kind": "round_table", "title": "x", "date": "2026-05-01"}),
        (f"{BASE}/dialogue/{w['event'].pk}/participants", {"organisation_id": w["judiciary"].pk}),
        (
            f"{BASE}/dialogue/{w['event'].pk}/follow-ups",
            {"action": "x", "owner_id": w["judiciary"].pk, "due_on": "2026-05-01"},
        ),
        (f"{BASE}/follow-ups/{w['follow_up'].pk}/status", {"status": "done"}),
        (
            f"{BASE}/agreements",
            {
                "organisation_id": w["judiciary"].pk,
                "title": "x",
                "amount": "10",
                "starts_on": "2026-01-01",
                "ends_on": "2026-02-01",
            },
        ),
        (f"{BASE}/agreements/{w['agreement'].pk}/status", {"status": "approved"}),
        (f"{BASE}/agreements/{w['agreement'].pk}/tranches", {"amount": "10", "due_on": "2026-01-01"}),
        (f"{BASE}/agreements/{w['agreement'].pk}/targets", {"indicator": "x", "target": 1}),
        (f"{BASE}/agreements/{w['agreement'].pk}/reports", {"title": "x", "due_on": "2026-01-01"}),
        (f"{BASE}/checklists", {"name": "x", "criteria": [{"area": "a", "text": "b"}]}),
        (
            f"{BASE}/assessments",
            {"organisation_id": w["judiciary"].pk, "checklist_id": w["checklist"].pk, "scores": {}},
        ),
        (f"{BASE}/plans", {"organisation_id": w["judiciary"].pk, "title": "x"}),
        (f"{BASE}/plans/{w['plan'].pk}/actions", {"action": "x", "due_on": "2026-01-01"}),
        (f"{BASE}/plan-actions/{w['item'].pk}/status", {"status": "done"}),
    ]
    for url, body in posts:
        assert api.post(url, body, content_type="application/json").status_code == 403, url
    assert api.get(f"{BASE}/trainings/{w['training'].pk}/certificates.pdf").status_code == 403


def test_agreement_life_through_the_api_four_eyes_and_ledger(world, officer, manager, api_for):
    import datetime
    from decimal import Decimal

    from retorno.funding.models import BudgetLine, Donor, ExchangeRate, LedgerEntry

    usaid = Donor.objects.create(name="USAID", code="usaid", currency="USD")
    line = BudgetLine.objects.create(
        code="SUB-01",
        name="Albergues socios",
        donor=usaid,
        kind="sub_grant",
        amount=Decimal("20000"),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    ExchangeRate.objects.create(base="USD", quote="GTQ", day=datetime.date(2026, 1, 1), rate=Decimal("7.5"))
    officer_api, manager_api = api_for(officer), api_for(manager)
    body = {
        "organisation_id": world["agreement"].organisation_id,
        "title": "Noches de albergue",
        "amount": "30000.00",
        "budget_line_id": line.pk,
        "starts_on": "2026-01-01",
        "ends_on": "2026-06-30",
    }
    aid = officer_api.post(f"{BASE}/agreements", body, content_type="application/json").json()["id"]
    tranche_body = {"amount": "30000.00", "due_on": "2026-01-10"}
    officer_api.post(f"{BASE}/agreements/{aid}/tranches", tranche_body, content_type="application/json")
    target = {"indicator": "Noches de albergue", "target": 2000}
    officer_api.post(f"{BASE}/agreements/{aid}/targets", target, content_type="application/json")
    officer_api.post(f"{BASE}/agreements/{aid}/status", {"status": "submitted"}, content_type="application/json")
    refused = officer_api.post(
        f"{BASE}/agreements/{aid}/status", {"status": "approved"}, content_type="application/json"
    )
    assert refused.status_code == 403
    approved = manager_api.post(
        f"{BASE}/agreements/{aid}/status", {"status": "approved"}, content_type="application/json"
    )
    assert approved.json()["approved_by"] == "manager"
    tranche = approved.json()["tranches"][0]["id"]
    paid = officer_api.post(
        f"{BASE}/agreements/{aid}/tranches/{tranche}/pay",
        {"reference": "TRF-881", "paid_on": "2026-01-12"},
        content_type="application/json",
    )
    assert paid.status_code == 200 and paid.json()["tranches"][0]["paid_on"] == "2026-01-12"
    # One entry in the programme ledger, in quetzales and in the donor's dollars.
    entry = LedgerEntry.objects.get()
    assert (entry.kind, entry.budget_line, entry.amount, entry.currency, entry.amount_donor) == (
        "sub_grant",
        line,
        Decimal("30000.00"),
        "GTQ",
        Decimal("4000.00"),
    )
    assert (entry.source_type, entry.source_id) == ("outreach.tranche", str(tranche))
    again = officer_api.post(f"{BASE}/agreements/{aid}/tranches/{tranche}/pay", {}, content_type="application/json")
    assert again.status_code == 422 and LedgerEntry.objects.count() == 1


def test_illegal_moves_answer_422_in_words(world, officer, api_for):
    response = api_for(officer).post(
        f"{BASE}/trainings/{world['training'].pk}/status", {"status": "planned"}, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "status"
    assert "planned" not in response.json()["errors"][0]["message"]
