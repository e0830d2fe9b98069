"""Gaps a black-box probe found in the seal (issue 10, items 1, 2, 3, 9 and 12)."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from retorno.protection import actions
from retorno.protection.models import BreakGlassAccess, ProtectionCase
from retorno.protection.queries import case_access, cases_readable_by

pytestmark = pytest.mark.django_db

REASON = "La persona llamó pidiendo ayuda urgente"
SEALED_API = ["", "/notes", "/identifications", "/victim", "/legal"]


def _assign_api(api, case, user):
    return api.post(
        f"/api/v1/protection/cases/{case.pk}/assignments", {"user_id": user.pk}, content_type="application/json"
    )


# --- 1. Emergency access never grants the right to assign --------------------------------------


def test_break_glass_cannot_assign_anyone_by_api(victim_case, second_officer, protection_officer, api_for):
    actions.break_glass_open(actor=second_officer, case=victim_case, reason=REASON)
    api = api_for(second_officer)
    assert api.get(f"/api/v1/protection/cases/{victim_case.pk}").status_code == 200  # the emergency read works
    assert _assign_api(api, victim_case, second_officer).status_code == 403
    assert _assign_api(api, victim_case, protection_officer).status_code == 403
    assert list(victim_case.assignments.values_list("user__username", flat=True)) == ["protection"]


def test_break_glass_cannot_assign_anyone_by_page(victim_case, second_officer, client_for):
    actions.break_glass_open(actor=second_officer, case=victim_case, reason=REASON)
    client = client_for(second_officer)
    page = client.get(reverse("protection:case", args=[victim_case.pk])).content.decode()
    assert reverse("protection:case_assign", args=[victim_case.pk]) not in page
    response = client.post(reverse("protection:case_assign", args=[victim_case.pk]), {"user": second_officer.pk})
    assert response.status_code == 403
    assert not victim_case.assignments.filter(user=second_officer).exists()
    with pytest.raises(PermissionDenied):
        actions.case_assign(actor=second_officer, case=victim_case, user=second_officer)


def test_assigned_officer_does_not_assign_either(victim_case, protection_officer, second_officer, api_for):
    assert _assign_api(api_for(protection_officer), victim_case, second_officer).status_code == 403
    assert not victim_case.assignments.filter(user=second_officer).exists()


def test_manager_and_supervisor_assign(victim_case, manager, protection_lead, second_officer, api_for, client_for):
    assert _assign_api(api_for(manager), victim_case, second_officer).status_code == 201
    assert victim_case.assignments.filter(user=second_officer, ended_at__isnull=True).exists()
    actions.case_unassign(actor=manager, case=victim_case, user=second_officer)
    response = client_for(protection_lead).post(
        reverse("protection:case_assign", args=[victim_case.pk]), {"user": second_officer.pk}
    )
    assert response.status_code == 302
    assert victim_case.assignments.filter(user=second_officer, ended_at__isnull=True).exists()
    # The manager assigns from the oversight list (the form is there), not from the sealed page.
    index = client_for(manager).get(reverse("protection:index")).content.decode()
    assert reverse("protection:case_assign", args=[victim_case.pk]) in index


# --- 2. A "not justified" review ends the emergency access at once -------------------------------


def test_unjustified_review_ends_the_access_at_once(victim_case, second_officer, other_manager, client_for):
    access = actions.break_glass_open(actor=second_officer, case=victim_case, reason=REASON)
    assert case_access(second_officer, victim_case).full
    response = client_for(other_manager).post(
        reverse("protection:break_glass_review", args=[access.pk]), {"outcome": "not_justified", "note": "no"}
    )
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.outcome == BreakGlassAccess.Outcome.NOT_JUSTIFIED
    assert access.expires_at <= timezone.now()
    assert not case_access(second_officer, victim_case).full
    assert client_for(second_officer).get(reverse("protection:case", args=[victim_case.pk])).status_code == 404


def test_unjustified_review_by_api_and_justified_one_keeps_it(
    victim_case, minor_case, second_officer, other_manager, api_for
):
    first = actions.break_glass_open(actor=second_officer, case=victim_case, reason=REASON)
    second = actions.break_glass_open(actor=second_officer, case=minor_case, reason=REASON)
    api = api_for(other_manager)
    for access, outcome in ((first, "not_justified"), (second, "justified")):
        response = api.post(
            f"/api/v1/protection/break-glass/{access.pk}/review", {"outcome": outcome}, content_type="application/json"
        )
        assert response.status_code == 200
    officer = api_for(second_officer)
    assert officer.get(f"/api/v1/protection/cases/{victim_case.pk}").status_code == 404
    assert officer.get(f"/api/v1/protection/cases/{minor_case.pk}").status_code == 200


# --- 3. Only a role that may hold the case can supervise it --------------------------------------


@pytest.mark.parametrize("supervisor_name", ["monitor", "administrator", "manager", "reintegration"])
def test_supervisor_whose_role_holds_no_case_reads_nothing(
    supervisor_name, all_personas, victim_case, protection_officer, api_for, client_for
):
    supervisor = all_personas[supervisor_name]
    protection_officer.supervisor = supervisor
    protection_officer.save(update_fields=["supervisor"])
    assert not case_access(supervisor, victim_case).full
    assert victim_case not in cases_readable_by(supervisor)
    api = api_for(supervisor)
    for path in SEALED_API:
        assert api.get(f"/api/v1/protection/cases/{victim_case.pk}{path}").status_code == 404, path
    assert api.get("/api/v1/protection/cases").json() == []
    for section in ("overview", "identification", "victim", "legal"):
        page = client_for(supervisor).get(reverse("protection:case_section", args=[victim_case.pk, section]))
        assert page.status_code == 404, section


def test_supervisor_whose_role_holds_the_case_reads_it(victim_case, psy_case, protection_lead, api_for):
    access = case_access(protection_lead, victim_case)
    assert (access.level, access.basis) == ("full", "supervisor")
    api = api_for(protection_lead)
    for path in SEALED_API:
        assert api.get(f"/api/v1/protection/cases/{victim_case.pk}{path}").status_code in (200, 204), path
    assert [c["id"] for c in api.get("/api/v1/protection/cases").json()] == [victim_case.pk]


def test_protection_lead_supervising_a_psychologist_does_not_read_psychosocial_cases(
    psy_case, psychologist, protection_lead, api_for
):
    psychologist.supervisor = protection_lead
    psychologist.save(update_fields=["supervisor"])
    assert not case_access(protection_lead, psy_case).full
    assert api_for(protection_lead).get(f"/api/v1/protection/cases/{psy_case.pk}").status_code == 404


# --- 9. Break-the-glass is no oracle of which cases exist ----------------------------------------


def test_break_glass_same_answer_for_unknown_and_forbidden_case(psy_case, protection_officer, api_for, client_for):
    api = api_for(protection_officer)
    missing = ProtectionCase.objects.order_by("-pk").first().pk + 1000
    answers = [
        api.post(f"/api/v1/protection/cases/{pk}/break-glass", {"reason": REASON}, content_type="application/json")
        for pk in (psy_case.pk, missing)
    ]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].json() == answers[1].json()
    client = client_for(protection_officer)
    for pk in (psy_case.pk, missing):
        assert client.get(reverse("protection:break_glass", args=[pk])).status_code == 404
        assert client.post(reverse("protection:break_glass", args=[pk]), {"reason": REASON}).status_code == 404
    assert not BreakGlassAccess.objects.exists()


def test_break_glass_still_opens_a_case_the_role_may_hold(victim_case, second_officer, api_for, client_for):
    assert client_for(second_officer).get(reverse("protection:break_glass", args=[victim_case.pk])).status_code == 200
    response = api_for(second_officer).post(
        f"/api/v1/protection/cases/{victim_case.pk}/break-glass", {"reason": REASON}, content_type="application/json"
    )
    assert response.status_code == 201


# --- 12. A manager oversees; sealed content needs assignment or break-the-glass ------------------


def test_manager_oversees_but_reads_sealed_content_only_through_break_glass(
    victim_case, protection_officer, manager, api_for, client_for
):
    assert protection_officer.supervisor == manager  # the conftest's administrative supervisor
    api = api_for(manager)
    for path in SEALED_API:
        assert api.get(f"/api/v1/protection/cases/{victim_case.pk}{path}").status_code == 404, path
    # Oversight: counts, status, who is assigned, who has seen it.
    rows = api.get("/api/v1/protection/oversight/cases").json()
    assert [(r["id"], r["status"], r["assigned"]) for r in rows] == [(victim_case.pk, "Active", ["protection"])]
    assert api.get(f"/api/v1/protection/cases/{victim_case.pk}/accesses").status_code == 200
    assert client_for(manager).get(reverse("protection:case_accesses", args=[victim_case.pk])).status_code == 200
    # Break-the-glass opens it, audited and reviewed by someone else.
    actions.break_glass_open(actor=manager, case=victim_case, reason=REASON)
    assert api.get(f"/api/v1/protection/cases/{victim_case.pk}/victim").status_code == 200


def test_demo_manager_reads_no_sealed_case(programme):
    from retorno.accounts import demo as accounts_demo
    from retorno.accounts.models import User
    from retorno.protection import demo

    accounts_demo.load(options={}, stdout=io.StringIO())
    demo.load(options={}, stdout=io.StringIO())
    gerencia = User.objects.get(username="gerencia")
    cases = list(ProtectionCase.objects.all())
    assert len(cases) == 5
    assert not [c.pk for c in cases if case_access(gerencia, c).full]
    assert not cases_readable_by(gerencia).exists()
    assert all(case_access(c.assignments.get().user, c).full for c in cases)  # its own staff still read it


# --- 5. Consents recorded inside protection are sealed -------------------------------------------


def test_consents_recorded_in_protection_are_sealed(
    victim_case, person, clerk, protection_officer, shelter_org, partner_with_whole_record, api_for, client_for
):
    from retorno.people.actions import consent_record

    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    officer = client_for(protection_officer)
    response = officer.post(
        reverse("protection:case_write", args=[victim_case.pk, "consent"]),
        {"purpose": "protection", "given": "True", "given_by": "self"},
    )
    assert response.status_code == 302
    actions.shelter_referral_create(
        actor=protection_officer,
        case=victim_case,
        organisation=shelter_org,
        shared_sections=["risk"],
        consent_given=True,
    )
    victim_label = "Protección y asistencia a víctimas"
    for user in (clerk, partner_with_whole_record):
        listed = api_for(user).get(f"/api/v1/people/persons/{person.pk}/consents")
        assert listed.status_code == 200
        rows = [(c["purpose"], c["recorded_by"]) for c in listed.json()]
        assert sorted(rows) == [("follow_up", "clerk"), ("share_partners", "clerk")], user.username
        profile = client_for(user).get(reverse("people:detail", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="es")
        assert profile.status_code == 200
        assert victim_label not in profile.content.decode(), user.username
    # The case's readers see them on the case.
    overview = officer.get(reverse("protection:case", args=[victim_case.pk]), HTTP_ACCEPT_LANGUAGE="es")
    assert victim_label in overview.content.decode()
    # Consent to victim assistance is recorded only inside the case.
    refused = api_for(clerk).post(
        f"/api/v1/people/persons/{person.pk}/consents",
        {"purpose": "protection", "given": True},
        content_type="application/json",
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "purpose"


@pytest.fixture
def partner_with_whole_record(person, clerk, employer_partner, manager):
    """An employer whose open referral shares the person's whole record (so it may open the profile)."""
    from retorno.people.actions import consent_record
    from retorno.referrals.actions import partner_create, referral_create

    consent_record(actor=clerk, person=person, purpose="share_partners", given=True)
    partner = partner_create(actor=manager, organisation=employer_partner.organisation, services=["employment"])
    referral_create(
        actor=manager,
        person=person,
        partner=partner,
        purpose="Empleo",
        service="employment",
        shared_fields=["full_record"],
    )
    return employer_partner


# --- 11. Who authorised a handover, who decided a child's best interest: sealed -----------------

AUTHORITY = "Lic. CENTINELA-Juárez (PGN)"
PANEL = "Juzgado CENTINELA de la Niñez"


def _raw(table: str, column: str) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 — fixed names in a test
        return [row[0] for row in cursor.fetchall()]


def _minor_with_handover(minor_case, protection_officer):
    import datetime

    actions.best_interest_record(
        actor=protection_officer,
        case=minor_case,
        decided_on=datetime.date(2026, 1, 10),
        decided_by=PANEL,
        decision="Reunificación con la madre.",
        minor_assent="agrees",
    )
    assessment = actions.family_assessment_record(
        actor=protection_officer,
        case=minor_case,
        caregiver_name="Rosa Ramos",
        relationship="mother",
        assessed_on=datetime.date(2026, 1, 9),
        safety=2,
        willingness=2,
        capacity=1,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify_with_support",
    )
    actions.custody_record(
        actor=protection_officer,
        case=minor_case,
        stage="handover_guardian",
        assessment=assessment,
        guardian_name="Rosa Ramos",
        relationship="mother",
        document_checked=True,
        document_number="2456789010801",
        authorised_by=AUTHORITY,
    )


def test_authority_and_panel_are_encrypted_and_redacted_in_the_audit(
    minor_case, protection_officer, protection_lead, api_for
):
    from retorno.audit.models import AuditEvent

    _minor_with_handover(minor_case, protection_officer)
    assert AUTHORITY not in str(_raw("protection_custodyevent", "authorised_by"))
    assert PANEL not in str(_raw("protection_bestinterestdecision", "decided_by"))
    assert not [e.pk for e in AuditEvent.objects.all() if "CENTINELA" in f"{e.old}{e.new}{e.reason}"]
    # The case's readers still read them.
    body = api_for(protection_lead).get(f"/api/v1/protection/cases/{minor_case.pk}/minor").json()
    assert body["custody"][-1]["authorised_by"] == AUTHORITY
    assert body["best_interest_decisions"][0]["decided_by"] == PANEL


def test_migration_seals_existing_rows_and_audit_copies(minor_case, protection_officer):
    import importlib

    from django.apps import apps
    from django.db import connection

    from retorno.audit.models import AuditEvent
    from retorno.protection.models import BestInterestDecision, CustodyEvent

    migration = importlib.import_module(
        "retorno.protection.migrations.0003_seal_custody_authority_and_best_interest_panel"
    )
    _minor_with_handover(minor_case, protection_officer)
    with connection.cursor() as cursor:  # as rows stood before the migration: plaintext
        cursor.execute("UPDATE protection_custodyevent SET authorised_by = %s WHERE authorised_by <> ''", [AUTHORITY])
        cursor.execute("UPDATE protection_bestinterestdecision SET decided_by = %s", [PANEL])
    from django.db.models import QuerySet

    class Editor:
        def __init__(self):
            self.connection = connection

        def execute(self, sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    # The audit copy as it was written before: plaintext (PostgreSQL's append-only guard lifted to plant it).
    postgres = connection.vendor == "postgresql"
    if postgres:
        Editor().execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending trigger events before ALTER TABLE
        Editor().execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update")
    handover = AuditEvent.objects.filter(action="protection.custody_record", new__stage="handover_guardian")
    QuerySet(model=AuditEvent).filter(pk__in=handover.values("pk")).update(
        new={"stage": "handover_guardian", "authorised_by": AUTHORITY}
    )
    if postgres:
        Editor().execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_update")
    assert [e.pk for e in AuditEvent.objects.all() if "CENTINELA" in f"{e.new}"]

    migration.encrypt_existing(apps, Editor())
    migration.redact_audit(apps, Editor())
    assert AUTHORITY not in str(_raw("protection_custodyevent", "authorised_by"))
    assert PANEL not in str(_raw("protection_bestinterestdecision", "decided_by"))
    assert CustodyEvent.objects.get(stage="handover_guardian").authorised_by == AUTHORITY
    assert BestInterestDecision.objects.get().decided_by == PANEL
    assert not [e.pk for e in AuditEvent.objects.all() if "CENTINELA" in f"{e.old}{e.new}"]
    migration.encrypt_existing(apps, Editor())  # running it twice changes nothing
    assert CustodyEvent.objects.get(stage="handover_guardian").authorised_by == AUTHORITY
