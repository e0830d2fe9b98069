"""Demo protection cases (idempotent): a possible trafficking identification, a victim case
with a complaint at the MP, and an unaccompanied minor handed over to her mother.

Cases are assigned to ``proteccion`` and ``psicologia`` (supervised by ``gerencia``); a
second run finds them by their demo marker and creates nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from retorno.accounts.models import Organisation, User
from retorno.geo.models import Department
from retorno.people.actions import person_create
from retorno.people.models import Person
from retorno.protection import actions
from retorno.protection.models import CaseKind, ProtectionCase

# (given names, first surname, second surname, sex, birth date) — fictitious people.
DEMO_PEOPLE = {
    "possible": ("Marvin Estuardo", "Cux", "Tacam", "M", datetime.date(1996, 8, 14)),
    "victim": ("Sandra Elizabeth", "Ixcoy", "Chávez", "F", datetime.date(1999, 2, 2)),
    "minor": ("Dulce María", "Ajcá", "Ramos", "F", datetime.date(2011, 11, 20)),
    "psy": ("Byron Alexander", "Mejía", "López", "M", datetime.date(1988, 6, 30)),
    "minor_tracing": ("Kevin Josué", "Tum", "Sapón", "M", datetime.date(2010, 4, 9)),
}


def _person(key: str, actor: User) -> Person:
    given, first, second, sex, born = DEMO_PEOPLE[key]
    found = Person.objects.filter(
        given_names=given, first_surname=first, second_surname=second, birth_date=born
    ).first()
    return found or person_create(
        actor=actor, given_names=given, first_surname=first, second_surname=second, sex=sex, birth_date=born
    )


@transaction.atomic
def load(*, options: dict, stdout) -> None:
    users = {
        u.username: u for u in User.objects.filter(username__in=["recepcion", "proteccion", "psicologia", "gerencia"])
    }
    if len(users) < 4:
        stdout.write("protection: demo users missing (load accounts first)")
        return
    clerk, officer, psychologist = users["recepcion"], users["proteccion"], users["psicologia"]
    created = 0
    d = datetime.date

    person = _person("possible", clerk)
    if not ProtectionCase.objects.filter(person=person).exists():
        referral = actions.protection_referral_receive(actor=clerk, person=person)
        case = actions.referral_take(actor=officer, referral=referral, kind=CaseKind.TRAFFICKING)
        running = actions.identification_start(actor=officer, case=case)
        actions.identification_save_answers(
            actor=officer,
            identification=running,
            answers={"rec_offer": "yes", "dec_conditions": "yes", "ctl_leave": "unknown"},
        )
        actions.identification_conclude(actor=officer, identification=running, result="possible")
        created += 1

    person = _person("victim", clerk)
    if not ProtectionCase.objects.filter(person=person).exists():
        referral = actions.protection_referral_receive(actor=clerk, person=person)
        case = actions.referral_take(actor=officer, referral=referral, kind=CaseKind.TRAFFICKING)
        actions.case_consent_record(actor=officer, case=case, purpose="protection", given=True)
        running = actions.identification_start(actor=officer, case=case)
        actions.identification_save_answers(
            actor=officer,
            identification=running,
            answers={
                "rec_online": "yes",
                "dec_conditions": "yes",
                "dec_debt": "yes",
                "ctl_documents": "no",
                "exp_unpaid_work": "yes",
            },
        )
        actions.identification_conclude(
            actor=officer,
            identification=running,
            result="confirmed",
            authority="CourtOrProsecution",
            authority_name="MP — Fiscalía contra la Trata de Personas",
        )
        actions.risk_assessment_record(
            actor=officer,
            case=case,
            level="high",
            risk_factors="El reclutador vive en su comunidad.",
            safety_plan="No regresar a la comunidad hasta la audiencia; contacto diario con la trabajadora social.",
        )
        actions.support_service_add(actor=officer, case=case, type="Legal", started_on=d(2026, 1, 8))
        shelter = Organisation.objects.filter(slug="refugio-ninez").first()
        if shelter:
            actions.shelter_referral_create(
                actor=officer, case=case, organisation=shelter, shared_sections=["risk"], consent_given=True
            )
        legal = actions.legal_case_open(
            actor=officer,
            case=case,
            complaint_number="MP001-2026-00871",
            prosecutor_office=Organisation.objects.get(slug="mp-fiscalia-trata"),
            prosecutor="Licda. Ramírez",
            filed_on=d(2026, 1, 9),
            witness_protection=True,
        )
        actions.legal_case_set_status(actor=officer, legal_case=legal, status="investigation", on=d(2026, 1, 20))
        created += 1

    person = _person("minor", clerk)
    if not ProtectionCase.objects.filter(person=person).exists():
        referral = actions.protection_referral_receive(actor=clerk, person=person, unaccompanied_minor=True)
        case = actions.referral_take(actor=officer, referral=referral)
        shelter = Organisation.objects.filter(kind=Organisation.Kind.SHELTER).first()
        actions.custody_record(actor=officer, case=case, stage="minors_shelter", organisation=shelter)
        _reunification(officer, case)
        created += 1

    person = _person("minor_tracing", clerk)
    if not ProtectionCase.objects.filter(person=person).exists():
        referral = actions.protection_referral_receive(actor=clerk, person=person, unaccompanied_minor=True)
        case = actions.referral_take(actor=officer, referral=referral)
        shelter = Organisation.objects.filter(kind=Organisation.Kind.SHELTER).first()
        actions.custody_record(actor=officer, case=case, stage="minors_shelter", organisation=shelter)
        _tracing_under_way(officer, case)
        created += 1

    person = _person("psy", clerk)
    if not ProtectionCase.objects.filter(person=person).exists():
        case = actions.case_open(actor=psychologist, person=person, kind=CaseKind.PSYCHOSOCIAL)
        actions.assessment_record(
            actor=psychologist,
            case=case,
            distress="moderate",
            risk_to_self="low",
            needs=["emotional_support", "family_contact"],
        )
        actions.session_record(actor=psychologist, case=case, kind="individual", duration_minutes=40)
        actions.follow_up_plan_save(
            actor=psychologist,
            case=case,
            goals="Sesión de seguimiento y contacto con la familia.",
            next_review_on=d(2026, 2, 15),
            every_weeks=4,
        )
        created += 1

    stdout.write(f"protection: {created} demo cases created, {ProtectionCase.objects.count()} in all")


def _reunification(officer: User, case: ProtectionCase) -> None:
    """Dulce María: her mother traced, assessed and handed the child; one visit made, the next due."""
    today = timezone.localdate()
    days = datetime.timedelta
    mother = actions.tracing_request_open(
        actor=officer,
        case=case,
        sought_name="Rosa Ramos Tzoc",
        relationship="mother",
        department=Department.objects.filter(code="08").first(),
        address="Aldea Chuicavioc, a la par de la escuela.",
        phone="5512 3344",
        contacts_tried="La tía en Estados Unidos dio el número de la madre.",
    )
    actions.tracing_step_add(
        actor=officer, tracing_request=mother, on=today - days(6), method="phone", result="no_answer"
    )
    actions.tracing_step_add(
        actor=officer,
        tracing_request=mother,
        on=today - days(5),
        method="community",
        result="located",
        notes="El alcalde comunitario confirmó que la madre vive en la aldea.",
    )
    actions.tracing_request_set_status(
        actor=officer, tracing_request=mother, status="located", outcome="Madre localizada en Totonicapán."
    )
    assessment = actions.family_assessment_record(
        actor=officer,
        case=case,
        tracing_request=mother,
        assessed_on=today - days(3),
        safety=2,
        willingness=2,
        capacity=1,
        child_view_heard=True,
        risks_found=False,
        recommendation="reunify_with_support",
        notes="La madre trabaja por día; la abuela cuida de los hermanos menores.",
    )
    actions.best_interest_record(
        actor=officer,
        case=case,
        decided_on=today - days(2),
        decided_by="PGN — Procuraduría de la Niñez",
        decision="Reunificación con la madre en Totonicapán.",
        minor_assent="agrees",
    )
    actions.custody_record(
        actor=officer,
        case=case,
        stage="handover_guardian",
        assessment=assessment,
        document_checked=True,
        document_number="2456789010801",
        authorised_by="Lic. Juárez (PGN)",
    )
    visit = actions.visit_schedule(actor=officer, case=case, scheduled_on=today)
    actions.visit_record(actor=officer, visit=visit, done_on=today, wellbeing=4, next_visit_on=today + days(5))
    actions.case_set_status(actor=officer, case=case, status="FollowUp")


def _tracing_under_way(officer: User, case: ProtectionCase) -> None:
    """Kevin Josué: his father sought, two steps so far; the search is open."""
    today = timezone.localdate()
    father = actions.tracing_request_open(
        actor=officer,
        case=case,
        sought_name="Juan Tum Ixcoy",
        relationship="father",
        department=Department.objects.filter(code="07").first(),
        contacts_tried="Número que dio el niño: fuera de servicio.",
    )
    actions.tracing_step_add(
        actor=officer,
        tracing_request=father,
        on=today - datetime.timedelta(days=2),
        method="renap",
        result="lead",
        notes="RENAP da una dirección en Nahualá.",
    )
    actions.tracing_step_add(actor=officer, tracing_request=father, on=today, method="social_media", result="no_answer")
