"""The seal: who reads which section of which case, by page and by API; emergency access; audit."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from retorno.audit.models import AuditEvent
from retorno.protection import actions
from retorno.protection.models import BreakGlassAccess, Notification
from retorno.protection.queries import case_access, cases_readable_by
from retorno.protection.tests.conftest import SENTINEL

pytestmark = pytest.mark.django_db

EVERYONE = [
    "clerk",
    "psychologist",
    "protection",
    "reintegration",
    "monitor",
    "manager",
    "manager2",
    "administrator",
    "shelter",
    "employer",
    "protection_lead",
    "psychosocial_lead",
]
# Who reads each case in full: its assigned staff and their supervisor when the supervisor's role may
# hold the case. The managers ("manager" supervises the staff administratively) oversee but read no
# sealed content without break-the-glass (issue 10, item 12: a deliberate change of rule).
READERS = {
    "victim": {"protection", "protection_lead"},
    "minor": {"protection", "protection_lead"},
    "psy": {"psychologist", "psychosocial_lead"},
}
PAGES = {
    "victim": ["overview", "identification", "victim", "legal"],
    "minor": ["overview", "minor", "psychosocial"],
    "psy": ["overview", "psychosocial"],
}
API = {
    "victim": ["", "/notes", "/identifications", "/victim", "/legal"],
    "minor": ["", "/notes", "/minor"],
    "psy": ["", "/notes", "/psychosocial"],
}


@pytest.fixture
def personas(all_personas, other_manager, protection_lead, psychosocial_lead):
    return {
        **all_personas,
        "manager2": other_manager,
        "protection_lead": protection_lead,
        "psychosocial_lead": psychosocial_lead,
    }


def test_role_by_section_matrix_pages(personas, every_case, client_for):
    """Every role × every tier-2 page: 200 for readers, 404 for everyone else, always no-store."""
    for username in EVERYONE:
        client = client_for(personas[username])
        for key, sections in PAGES.items():
            case = every_case[key]
            for section in sections:
                response = client.get(reverse("protection:case_section", args=[case.pk, section]))
                expected = 200 if username in READERS[key] else 404
                assert response.status_code == expected, (username, key, section)
                if expected == 200:
                    assert response["Cache-Control"].startswith("no-store")


def test_role_by_section_matrix_api(personas, every_case, api_for):
    for username in EVERYONE:
        api = api_for(personas[username])
        for key, paths in API.items():
            case = every_case[key]
            for path in paths:
                response = api.get(f"/api/v1/protection/cases/{case.pk}{path}")
                expected = {200, 204} if username in READERS[key] else {404}
                assert response.status_code in expected, (username, key, path, response.status_code)
                if response.status_code == 200:
                    assert response["Cache-Control"].startswith("no-store")


def test_wrong_roles_get_404_on_writes_too(personas, victim_case, client_for, api_for):
    for username in sorted(set(EVERYONE) - READERS["victim"]):
        page = client_for(personas[username]).post(
            reverse("protection:case_write", args=[victim_case.pk, "note"]), {"text": "x"}
        )
        assert page.status_code in (404, 302) and page.status_code == 404, username
        api = api_for(personas[username]).post(
            f"/api/v1/protection/cases/{victim_case.pk}/notes", {"text": "x"}, content_type="application/json"
        )
        assert api.status_code == 404, username
    assert victim_case.notes.count() == 0


def test_unknown_case_id_is_404_like_a_forbidden_one(protection_officer, api_for):
    assert api_for(protection_officer).get("/api/v1/protection/cases/999999").status_code == 404


def test_every_read_is_audited_with_section_and_basis(victim_case, protection_lead, client_for):
    client_for(protection_lead).get(reverse("protection:case_section", args=[victim_case.pk, "legal"]))
    event = AuditEvent.objects.filter(
        kind=AuditEvent.Kind.VIEW, actor=protection_lead, section="protection.legal"
    ).get()
    assert event.object_id == str(victim_case.pk)
    assert event.person_id == victim_case.person_id
    assert event.reason == "supervisor"


def test_no_sealed_text_in_audit_rows_urls_or_str(victim_case, protection_officer, client_for):
    client = client_for(protection_officer)
    response = client.post(reverse("protection:case_write", args=[victim_case.pk, "note"]), {"text": SENTINEL})
    assert SENTINEL not in response["Location"]
    assert victim_case.notes.get().text == SENTINEL
    assert not [e for e in AuditEvent.objects.all() if SENTINEL in str(e.old) + str(e.new) + e.reason]
    assert SENTINEL not in str(victim_case.notes.get())


def test_who_has_seen_this_case(victim_case, protection_officer, manager, other_manager, psychologist, client_for):
    client_for(protection_officer).get(reverse("protection:case_section", args=[victim_case.pk, "victim"]))
    page = client_for(manager).get(reverse("protection:case_accesses", args=[victim_case.pk]))
    assert page.status_code == 200
    assert "Protección · Apoyo a la víctima" in page.content.decode()  # the section in words, not its code
    assert protection_officer.username in page.content.decode()
    assert client_for(psychologist).get(reverse("protection:case_accesses", args=[victim_case.pk])).status_code == 404


def test_oversight_without_sealed_content(victim_case, protection_officer, other_manager, client_for, api_for):
    actions.note_add(actor=protection_officer, case=victim_case, text=SENTINEL)
    page = client_for(other_manager).get(reverse("protection:index"))
    assert page.status_code == 200
    assert f"#{victim_case.pk}" in page.content.decode()
    assert SENTINEL not in page.content.decode()
    rows = api_for(other_manager).get("/api/v1/protection/oversight/cases").json()
    assert [r["id"] for r in rows] == [victim_case.pk]
    assert set(rows[0]) == {"id", "person_id", "kind", "status", "opened_at", "closed_at", "assigned"}
    assert api_for(protection_officer).get("/api/v1/protection/oversight/cases").status_code == 403


def test_break_glass_expires_and_notifies(
    settings, victim_case, psychologist, other_manager, protection_officer, client_for
):
    settings.PROTECTION_BREAK_GLASS_HOURS = 3
    other_officer = type(protection_officer).objects.create(
        username="protection2",
        role="protection",
        organisation=protection_officer.organisation,
        supervisor=other_manager,
        email="p2@example.org",
    )
    other_manager.email = "m2@example.org"
    other_manager.save()
    now = timezone.now()
    assert not case_access(other_officer, victim_case, now=now).full
    with pytest.raises(Exception):  # noqa: B017 — a stated reason is required
        actions.break_glass_open(actor=other_officer, case=victim_case, reason="urgente", now=now)
    access = actions.break_glass_open(
        actor=other_officer, case=victim_case, reason="La persona está en riesgo inmediato", now=now
    )
    assert case_access(other_officer, victim_case, now=now + datetime.timedelta(hours=2, minutes=59)).full
    assert not case_access(other_officer, victim_case, now=now + datetime.timedelta(hours=3, minutes=1)).full
    assert victim_case in cases_readable_by(other_officer, now=now + datetime.timedelta(hours=1))
    assert victim_case not in cases_readable_by(other_officer, now=now + datetime.timedelta(hours=4))
    # The supervisor is told, in the app and by e-mail; the notice holds no case content.
    notice = Notification.objects.get(user=other_manager)
    assert str(victim_case.pk) in notice.message
    # The e-mail is queued inside the transaction and leaves afterwards, by the worker.
    assert mail.outbox == []
    from retorno.messaging.actions import messages_deliver

    assert messages_deliver()["sent"] == 1
    assert mail.outbox[0].to == ["m2@example.org"]
    assert "riesgo" not in mail.outbox[0].body and str(victim_case.person_id) not in mail.outbox[0].subject
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.BREAK_GLASS, actor=other_officer, object_id=str(victim_case.pk)
    ).exists()
    # Review queue: managers list and review it; nobody reviews their own.
    page = client_for(other_manager).get(reverse("protection:break_glass_queue"))
    assert "La persona está en riesgo inmediato" in page.content.decode()
    client_for(other_manager).post(
        reverse("protection:break_glass_review", args=[access.pk]), {"outcome": "justified", "note": "ok"}
    )
    access.refresh_from_db()
    assert (access.reviewed_by, access.outcome) == (other_manager, BreakGlassAccess.Outcome.JUSTIFIED)
    assert access.reviewed_at is not None
    assert client_for(protection_officer).get(reverse("protection:break_glass_queue")).status_code == 403


def test_break_glass_page_opens_the_case(victim_case, other_manager, client_for):
    client = client_for(other_manager)
    url = reverse("protection:case", args=[victim_case.pk])
    assert client.get(url).status_code == 404
    response = client.post(
        reverse("protection:break_glass", args=[victim_case.pk]), {"reason": "Emergencia médica, familia llama"}
    )
    assert response.status_code == 302
    assert client.get(url).status_code == 200
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.VIEW, actor=other_manager).latest("id")
    assert event.reason.startswith("break_glass #")


def test_break_glass_refused_to_roles_without_it(victim_case, clerk, monitor, client_for, api_for):
    for user in (clerk, monitor):
        assert client_for(user).get(reverse("protection:break_glass", args=[victim_case.pk])).status_code == 403
        response = api_for(user).post(
            f"/api/v1/protection/cases/{victim_case.pk}/break-glass",
            {"reason": "quiero ver el caso"},
            content_type="application/json",
        )
        assert response.status_code == 403
    assert not BreakGlassAccess.objects.exists()


def test_profile_panel_shows_only_involvement(
    person, victim_case, reintegration_officer, clerk, protection_officer, client_for
):
    url = reverse("people:detail", args=[person.pk])
    case_link = reverse("protection:case", args=[victim_case.pk])
    reintegration = client_for(reintegration_officer).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Protection team involved" in reintegration
    assert case_link not in reintegration
    reception = client_for(clerk).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Protection team involved" not in reception
    officer = client_for(protection_officer).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert case_link in officer


def test_partner_sees_only_what_is_shared_with_consent(
    victim_case, protection_officer, shelter_partner, employer_partner, api_for, client_for
):
    import datetime as dt

    actions.risk_assessment_record(
        actor=protection_officer,
        case=victim_case,
        level="high",
        safety_plan="Plan de seguridad A",
        risk_factors=SENTINEL,
    )
    actions.support_service_add(
        actor=protection_officer, case=victim_case, type="Health", started_on=dt.date(2026, 1, 2)
    )
    actions.note_add(actor=protection_officer, case=victim_case, text=SENTINEL)
    url = f"/api/v1/protection/shared/{victim_case.pk}"
    assert api_for(shelter_partner).get(url).status_code == 404  # nothing shared yet
    actions.shelter_referral_create(
        actor=protection_officer,
        case=victim_case,
        organisation=shelter_partner.organisation,
        shared_sections=["risk"],
        consent_given=True,
    )
    shared = api_for(shelter_partner).get(url)
    assert shared.status_code == 200
    body = shared.json()
    assert body["safety_plan"] == "Plan de seguridad A"
    assert body["support_services"] is None
    assert SENTINEL not in shared.content.decode()
    assert api_for(employer_partner).get(url).status_code == 404
    assert api_for(shelter_partner).get(f"/api/v1/protection/cases/{victim_case.pk}").status_code == 404
    page = client_for(shelter_partner).get(reverse("protection:shared_case", args=[victim_case.pk]))
    assert "Plan de seguridad A" in page.content.decode()
    # Consent withdrawn: nothing is shared any more.
    actions.case_consent_record(actor=protection_officer, case=victim_case, purpose="share_partners", given=False)
    assert api_for(shelter_partner).get(url).status_code == 404


def test_index_pages_by_role(personas, client_for):
    for username, user in personas.items():
        protection = client_for(user).get(reverse("protection:index")).status_code
        psychosocial = client_for(user).get(reverse("protection:psychosocial")).status_code
        protection_roles = {"protection", "protection_lead", "manager", "manager2"}
        psychosocial_roles = {"psychologist", "psychosocial_lead", "manager", "manager2"}
        assert protection == (200 if username in protection_roles else 403), username
        assert psychosocial == (200 if username in psychosocial_roles else 403), username
