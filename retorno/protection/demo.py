"""Demo protection cases (idempotent): a possible trafficking identification, a victim case
with a complaint at the MP, and an unaccompanied minor handed over to her mother.

Cases are assigned to ``proteccion`` and ``psicologia`` (supervised by ``gerencia``); a
second run finds them by their demo marker and creates nothing.
"""

import datetime

from django.db import transaction

from retorno.accounts.models import Organisation, User
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
        actions.tracing_add(actor=officer, case=case, method="phone", outcome="located")
        actions.best_interest_record(
            actor=officer,
            case=case,
            decided_on=d(2026, 1, 10),
            decided_by="PGN — Procuraduría de la Niñez",
            decision="Reunificación con la madre en Totonicapán.",
            minor_assent="agrees",
        )
        actions.custody_record(
            actor=officer,
            case=case,
            stage="handover_guardian",
            guardian_name="Rosa Ramos Tzoc",
            relationship="mother",
            document_checked=True,
            document_number="2456789010801",
            authorised_by="Lic. Juárez (PGN)",
        )
        actions.case_set_status(actor=officer, case=case, status="Closed", reason="Entregada a su madre.")
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
