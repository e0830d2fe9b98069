"""Every outreach page: who may open it, who may not, and what they see."""

import datetime

import pytest
from django.urls import reverse

from retorno.outreach.models import PartnerAgreement, Training


def _pages(w) -> list[str]:
    return [
        reverse("outreach:home"),
        reverse("outreach:figures"),
        reverse("outreach:trainings"),
        reverse("outreach:training", args=[w["training"].pk]),
        reverse("outreach:participants"),
        reverse("outreach:networks"),
        reverse("outreach:network", args=[w["network"].pk]),
        reverse("outreach:due"),
        reverse("outreach:campaigns"),
        reverse("outreach:campaign", args=[w["campaign"].pk]),
        reverse("outreach:dialogue"),
        reverse("outreach:dialogue_event", args=[w["event"].pk]),
        reverse("outreach:plan", args=[w["plan"].pk]),
    ]


def _manage_pages(w) -> list[str]:
    return [
        reverse("outreach:training_new"),
        reverse("outreach:network_new"),
        reverse("outreach:campaign_new"),
        reverse("outreach:dialogue_new"),
        reverse("outreach:agreement_new"),
        reverse("outreach:checklist_new"),
        reverse("outreach:assessment_new", args=[w["checklist"].pk]),
        reverse("outreach:plan_new"),
        reverse("outreach:institution_new"),
        reverse("outreach:institution_edit", args=[w["judiciary"].pk]),
    ]


def test_the_officer_manager_and_monitor_open_every_page(world, officer, manager, monitor, client_for):
    for user in (officer, manager, monitor):
        client = client_for(user)
        for url in _pages(world) + [reverse("outreach:agreements"), reverse("outreach:institutions")]:
            assert client.get(url).status_code == 200, (user.username, url)


def test_only_who_runs_outreach_opens_the_forms(world, officer, monitor, client_for):
    for url in _manage_pages(world):
        assert client_for(officer).get(url).status_code == 200, url
        assert client_for(monitor).get(url).status_code == 403, url


def test_case_staff_and_partners_are_refused_the_outreach_pages(
    world, clerk, protection_officer, shelter_partner, client_for
):
    for user in (clerk, protection_officer, shelter_partner):
        client = client_for(user)
        for url in _pages(world):
            assert client.get(url).status_code == 403, (user.username, url)


def test_signed_out_visitors_are_sent_to_sign_in(world, client):
    response = client.get(reverse("outreach:trainings"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_new_role_sees_no_case_data(officer, client_for, person):
    client = client_for(officer)
    assert client.get(reverse("people:search")).status_code == 403
    assert client.get(reverse("people:detail", args=[person.pk])).status_code in (403, 404)
    home = client.get(reverse("home")).content.decode()
    assert reverse("outreach:home") in home and reverse("people:search") not in home


def test_a_partner_sees_its_own_agreement_and_assessment_only(world, shelter_partner, employer_partner, client_for):
    own = client_for(shelter_partner)
    page = own.get(reverse("outreach:agreements")).content.decode()
    assert "Subvención Casa del Migrante 2026" in page and "Capacidad de albergues" in page
    assert own.get(reverse("outreach:agreement", args=[world["agreement"].pk])).status_code == 200
    assert own.get(reverse("outreach:assessment", args=[world["assessment"].pk])).status_code == 200
    other = client_for(employer_partner)
    assert "Subvención" not in other.get(reverse("outreach:agreements")).content.decode()
    assert other.get(reverse("outreach:agreement", args=[world["agreement"].pk])).status_code == 404
    assert other.get(reverse("outreach:assessment", args=[world["assessment"].pk])).status_code == 404
    assert (
        own.post(reverse("outreach:agreement_status", args=[world["agreement"].pk]), {"status": "approved"}).status_code
        == 403
    )


def test_plan_a_training_from_the_form(officer, judiciary, client_for):
    response = client_for(officer).post(
        reverse("outreach:training_new"),
        {
            "title": "Entrevista forense para fiscales",
            "topic": "forensic_interview",
            "audience": "prosecutors",
            "modality": "in_person",
            "starts_on": "2026-06-01",
            "ends_on": "2026-06-02",
            "institutions": [judiciary.pk],
            "cost": "0",
            "pass_mark": "70",
        },
    )
    training = Training.objects.get(title="Entrevista forense para fiscales")
    assert response.status_code == 302 and response["Location"] == reverse("outreach:training", args=[training.pk])
    assert list(training.institutions.all()) == [judiciary]


def test_a_training_that_ends_before_it_starts_is_refused_with_the_field_named(officer, client_for):
    response = client_for(officer).post(
        reverse("outreach:training_new"),
        {
            "title": "x",
            "topic": "other",
            "audience": "mixed",
            "modality": "virtual",
            "starts_on": "2026-06-02",
            "ends_on": "2026-06-01",
            "cost": "0",
            "pass_mark": "60",
        },
    )
    assert response.status_code == 422
    assert "ends_on" in response.context["form"].errors
    assert not Training.objects.filter(title="x").exists()


def test_attendance_scores_and_certificates_from_the_training_page(world, officer, judiciary, client_for):
    client = client_for(officer)
    training = world["training"]
    client.post(
        reverse("outreach:enrol", args=[training.pk]),
        {"full_name": "Pedro Tzoc", "institution": judiciary.pk, "position": "Juez de paz", "sex": "M"},
    )
    pedro = training.enrolments.get(participant__full_name="Pedro Tzoc")
    for session in training.sessions.all():
        client.post(
            reverse("outreach:attendance", args=[training.pk, session.pk]),
            {"present": [world["enrolment"].pk, pedro.pk]},
        )
    client.post(
        reverse("outreach:scores", args=[training.pk]),
        {
            f"pre_{world['enrolment'].pk}": "45",
            f"post_{world['enrolment'].pk}": "80",
            f"pre_{pedro.pk}": "30",
            f"post_{pedro.pk}": "75",
        },
    )
    page = client.get(reverse("outreach:training", args=[training.pk])).content.decode()
    assert "Imprimir 2 diplomas" in page  # the Spanish plural (it fell back to English before)
    pdf = client.get(reverse("outreach:certificates", args=[training.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_monitor_cannot_print_certificates(world, monitor, client_for):
    assert client_for(monitor).get(reverse("outreach:certificates", args=[world["training"].pk])).status_code == 403


def test_four_eyes_the_drafter_cannot_approve_another_manager_can(world, manager, client_for, programme):
    from conftest import make_user

    agreement = world["agreement"]
    # The officer drafted it; a manager who did not approves.
    response = client_for(manager).post(
        reverse("outreach:agreement_status", args=[agreement.pk]), {"status": "approved"}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.approved_by) == (PartnerAgreement.Status.APPROVED, manager)
    own = client_for(make_user("manager2", "manager", programme))
    draft_url = reverse("outreach:agreement_new")
    assert own.get(draft_url).status_code == 200


def test_the_officer_cannot_approve(world, officer, client_for):
    response = client_for(officer).post(
        reverse("outreach:agreement_status", args=[world["agreement"].pk]), {"status": "approved"}
    )
    assert response.status_code == 403
    world["agreement"].refresh_from_db()
    assert world["agreement"].status == "submitted"


def test_network_agreement_marked_met_from_the_worklist(world, officer, client_for):
    client = client_for(officer)
    assert "Publicar la ruta de denuncia" in client.get(reverse("outreach:due")).content.decode()
    client.post(
        reverse("outreach:network_agreement_status", args=[world["due"].pk]),
        {"status": "done", "next": reverse("outreach:due")},
    )
    world["due"].refresh_from_db()
    assert world["due"].status == "done"
    assert "Publicar la ruta de denuncia" not in client.get(reverse("outreach:due")).content.decode()


def test_small_forms_on_detail_pages(world, officer, judiciary, client_for):
    client = client_for(officer)
    checks = [
        (
            reverse("outreach:session_add", args=[world["training"].pk]),
            {"date": "2026-05-05", "subject": "Cierre", "hours": "2"},
        ),
        (
            reverse("outreach:member_add", args=[world["network"].pk]),
            {"organisation": world["agreement"].organisation_id},
        ),
        (
            reverse("outreach:meeting_add", args=[world["network"].pk]),
            {"date": "2026-05-01", "agenda": "Plan anual", "people_present": "9"},
        ),
        (
            reverse("outreach:network_agreement_add", args=[world["network"].pk]),
            {"commitment": "Taller", "owner": judiciary.pk, "due_on": "2026-09-01"},
        ),
        (
            reverse("outreach:activity_add", args=[world["campaign"].pk]),
            {
                "kind": "broadcast",
                "date": "2026-03-01",
                "broadcasts": "4",
                "reached_female": "0",
                "reached_male": "0",
                "reached_unknown": "500",
                "reached_minors": "0",
                "schools": "0",
            },
        ),
        (
            reverse("outreach:dialogue_participant_add", args=[world["event"].pk]),
            {"organisation": judiciary.pk, "people": "2"},
        ),
        (
            reverse("outreach:follow_up_add", args=[world["event"].pk]),
            {"action": "Mesa técnica", "owner": judiciary.pk, "due_on": "2026-08-01"},
        ),
        (reverse("outreach:follow_up_status", args=[world["follow_up"].pk]), {"status": "done"}),
        (
            reverse("outreach:plan_action_add", args=[world["plan"].pk]),
            {"action": "Capacitar al personal", "due_on": "2026-09-01"},
        ),
        (reverse("outreach:plan_action_status", args=[world["item"].pk]), {"status": "in_progress"}),
        (reverse("outreach:contact_add", args=[judiciary.pk]), {"name": "Lcda. Rosa Ajú", "position": "Secretaria"}),
        (
            reverse("outreach:report_add", args=[world["agreement"].pk]),
            {"title": "Informe trimestral", "due_on": "2026-04-15"},
        ),
    ]
    from django.contrib.messages import get_messages

    for url, data in checks:
        response = client.post(url, data)
        problems = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert response.status_code == 302 and not problems, (url, problems)
    world["follow_up"].refresh_from_db()
    world["item"].refresh_from_db()
    assert (world["follow_up"].status, world["item"].status) == ("done", "in_progress")
    assert world["network"].meetings.count() == 2 and judiciary.contacts.count() == 1


def test_small_forms_refuse_the_monitor(world, monitor, client_for):
    client = client_for(monitor)
    for url in (
        reverse("outreach:session_add", args=[world["training"].pk]),
        reverse("outreach:enrol", args=[world["training"].pk]),
        reverse("outreach:scores", args=[world["training"].pk]),
        reverse("outreach:training_status", args=[world["training"].pk]),
        reverse("outreach:member_add", args=[world["network"].pk]),
        reverse("outreach:meeting_add", args=[world["network"].pk]),
        reverse("outreach:network_agreement_add", args=[world["network"].pk]),
        reverse("outreach:network_agreement_status", args=[world["due"].pk]),
        reverse("outreach:activity_add", args=[world["campaign"].pk]),
        reverse("outreach:material_add", args=[world["campaign"].pk]),
        reverse("outreach:dialogue_participant_add", args=[world["event"].pk]),
        reverse("outreach:follow_up_add", args=[world["event"].pk]),
        reverse("outreach:follow_up_status", args=[world["follow_up"].pk]),
        reverse("outreach:tranche_add", args=[world["agreement"].pk]),
        reverse("outreach:target_add", args=[world["agreement"].pk]),
        reverse("outreach:report_add", args=[world["agreement"].pk]),
        reverse("outreach:plan_action_add", args=[world["plan"].pk]),
        reverse("outreach:plan_action_status", args=[world["item"].pk]),
        reverse("outreach:contact_add", args=[world["judiciary"].pk]),
    ):
        assert client.post(url, {}).status_code == 403, url


def test_figures_page_shows_officials_by_institution_and_sex(world, monitor, client_for):
    page = client_for(monitor).get(reverse("outreach:figures")).content.decode()
    assert "Organismo Judicial" in page
    response = client_for(monitor).get(reverse("outreach:figures"), {"start": "2027-01-01"})
    assert response.context["figures"]["totals"]["officials_trained"] == 0


@pytest.mark.parametrize("language,word", [("es", "Capacitaciones"), ("en", "Trainings")])
def test_pages_speak_spanish_and_english(world, officer, client_for, language, word):
    client = client_for(officer)
    client.cookies["django_language"] = language
    page = client.get(reverse("outreach:trainings"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert word in page


def test_material_upload_and_download(world, officer, monitor, client_for, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client_for(officer).post(
        reverse("outreach:material_add", args=[world["campaign"].pk]),
        {"title": "Afiche", "file": SimpleUploadedFile("afiche.pdf", b"%PDF-1.4 afiche", "application/pdf")},
    )
    material = world["campaign"].materials.get()
    response = client_for(monitor).get(reverse("outreach:material", args=[material.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 afiche"
    assert (
        client_for(world["campaign"].created_by).get(reverse("outreach:material", args=[material.pk])).status_code
        == 200
    )


def test_dates_outside_the_training_are_refused(world, officer, client_for):
    from django.contrib.messages import get_messages

    response = client_for(officer).post(
        reverse("outreach:session_add", args=[world["training"].pk]),
        {"date": "2027-01-01", "subject": "x", "hours": "1"},
    )
    assert any("dates" in str(m) or "fechas" in str(m) for m in get_messages(response.wsgi_request))
    assert world["training"].sessions.filter(date=datetime.date(2027, 1, 1)).count() == 0
