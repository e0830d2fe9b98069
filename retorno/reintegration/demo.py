"""Demo reintegration programme: its budget lines in the programme ledger, institutions and courses, employers and
vacancies, a Club Migrantes group, and six cases at different stages with follow-ups due for the demo
officer ``reintegracion``; three of them came through reception and gave a migration history (``demo_arrivals``).
Idempotent: reference rows are looked up first; the cases are created once."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from retorno.accounts.models import Organisation, User
from retorno.funding import actions as funding
from retorno.funding.demo import reference as funding_reference
from retorno.funding.models import BudgetLine, CostKind
from retorno.geo.models import Municipality
from retorno.people.actions import consent_record, person_create
from retorno.people.models import Person
from retorno.reception.models import Arrival
from retorno.reintegration import actions, demo_arrivals
from retorno.reintegration.models import Course, FollowUp, ReintegrationCase, SelfHelpGroup, Vacancy

# Reintegration's own lines in the programme ledger, in the donor's currency (USD).
LINES = [
    ("USAID-DOC", "Documentos de identidad y certificados", "usaid", CostKind.DOCUMENT_FEE, "2600"),
    ("USAID-CAP", "Capacitación y certificación", "usaid", CostKind.TRAINING, "7750"),
    ("USAID-CS", "Capital semilla para pequeños negocios", "usaid", CostKind.GRANT, "19400"),
    ("OIM-TRA", "Transporte de retornados", "oim", CostKind.TRANSPORT_TICKET, "1030"),
]
INSTITUTIONS = [
    ("intecap", "INTECAP", Organisation.Kind.TRAINING),
    ("mineduc", "Ministerio de Educación", Organisation.Kind.GOVERNMENT),
]
COURSES = [
    ("intecap", "Computación básica", "course", "it", 60, "300"),
    ("intecap", "Corte y confección", "course", "textiles", 120, "450"),
    ("intecap", "Panadería y repostería", "course", "culinary", 80, "400"),
    ("intecap", "Mecánica automotriz", "course", "mechanics", 200, "900"),
    ("mineduc", "Equivalencia de primaria para adultos", "equivalency", "other", None, "150"),
]
EMPLOYERS = [
    ("call-center-gt", "Centro de Llamadas Guatemala, S.A."),
    ("constructora-altiplano", "Constructora del Altiplano"),
    ("transportes-unidos", "Transportes y Logística Unidos"),
    ("maquinaria-gt", "Maquinaria Pesada de Guatemala"),
    ("restaurante-portal", "Restaurante El Portal"),
]
VACANCIES = [
    ("call-center-gt", "Agente bilingüe de servicio al cliente", "call_centre", 10, "0101"),
    ("constructora-altiplano", "Albañil con experiencia", "construction", 4, "0901"),
    ("transportes-unidos", "Auxiliar de bodega y carga", "logistics", 3, "0101"),
    ("maquinaria-gt", "Operador de retroexcavadora", "heavy_machinery", 2, "0501"),
    ("restaurante-portal", "Cocinero de línea", "culinary", 2, "0301"),
]
RETURNEES = [
    ("Juan Carlos", "Pérez", "Cux", "M", "1301"),
    ("María Elena", "López", "Tzoc", "F", "0901"),
    ("Edgar Rolando", "Ramírez", "Chávez", "M", "1201"),
    ("Santos", "Gómez", "Ajú", "M", "1401"),
    ("Rosa Amalia", "Morales", "Xol", "F", "1601"),
    ("Pedro", "Hernández", "Tojil", "M", "0701"),
]


def _reference(manager: User, officer: User) -> dict:
    donors = funding_reference(manager)
    year = timezone.localdate().year
    for code, name, donor, kind, amount in LINES:
        if not BudgetLine.objects.filter(code=code).exists():
            funding.budget_line_create(
                actor=manager,
                donor=donors[donor],
                code=code,
                name=name,
                kind=kind,
                amount=Decimal(amount),
                starts_on=datetime.date(year - 1, 1, 1),
                ends_on=datetime.date(year, 12, 31),
            )
    orgs = {}
    for slug, name, kind in INSTITUTIONS + [(s, n, Organisation.Kind.EMPLOYER) for s, n in EMPLOYERS]:
        orgs[slug] = (
            Organisation.objects.filter(slug=slug).first()
            or Organisation.objects.get_or_create(name=name, defaults={"slug": slug, "kind": kind})[0]
        )
    for slug, name, kind, sector, hours, cost in COURSES:
        if not Course.objects.filter(institution=orgs[slug], name=name).exists():
            actions.course_create(
                actor=officer,
                institution=orgs[slug],
                name=name,
                kind=kind,
                sector=sector,
                hours=hours,
                cost=Decimal(cost),
            )
    for slug, title, sector, positions, muni in VACANCIES:
        if not Vacancy.objects.filter(employer=orgs[slug], title=title).exists():
            actions.vacancy_create(
                actor=officer,
                employer=orgs[slug],
                title=title,
                sector=sector,
                positions=positions,
                municipality=Municipality.objects.filter(code=muni).first(),
                posted_on=timezone.localdate() - datetime.timedelta(days=20),
            )
    for vacancy in Vacancy.objects.filter(employer__in=orgs.values()):
        actions.employer_partner(actor=manager, vacancy=vacancy)  # job referrals go to its partner profile
    return orgs


def _returnee(officer: User, index: int, returned_on: datetime.date) -> tuple[Person, Arrival | None]:
    """Demo returnee ``index`` of RETURNEES, with their arrival at reception when the demo gives them one."""
    given, first, second, sex, muni = RETURNEES[index]
    person = Person.objects.filter(
        given_names=given, first_surname=first, second_surname=second, created_by=officer
    ).first()
    arrival = None
    if person is None:
        person = person_create(
            actor=officer,
            given_names=given,
            first_surname=first,
            second_surname=second,
            sex=sex,
            origin_municipality=Municipality.objects.filter(code=muni).first(),
        )
        # Received at reception before the consent to be contacted is recorded: see demo_arrivals.
        arrival = demo_arrivals.arrive(index=index, person=person, returned_on=returned_on)
        for purpose in ("reintegration", "follow_up", "share_partners"):
            consent_record(actor=officer, person=person, purpose=purpose, given=True)
    return person, arrival


# What the demo people said when followed up: (months after arrival, working, income, intends to
# migrate again, business operating, survey answers). Answers differ so the scores spread.
STRUGGLING = {
    "econ_satisfaction": "dissatisfied", "econ_food": "often", "econ_borrow": "no", "econ_debt": "more",
    "econ_work": "looking", "soc_housing": "bad", "soc_health": "fair", "soc_documents": "no",
    "soc_water": "sometimes", "soc_children_school": "some", "psy_belonging": "disagree",
    "psy_activities": "never", "psy_support": "yes", "psy_discrimination": "sometimes", "psy_distress": "often",
}  # fmt: skip
SETTLING = {
    "econ_satisfaction": "neutral", "econ_food": "sometimes", "econ_borrow": "yes", "econ_debt": "about_same",
    "econ_work": "yes", "soc_housing": "fair", "soc_health": "good", "soc_documents": "yes",
    "soc_water": "always", "soc_children_school": "all", "psy_belonging": "agree",
    "psy_activities": "sometimes", "psy_support": "yes", "psy_discrimination": "rarely", "psy_distress": "sometimes",
}  # fmt: skip
SETTLED = {
    "econ_satisfaction": "satisfied", "econ_food": "never", "econ_borrow": "yes", "econ_debt": "less",
    "econ_work": "yes", "soc_housing": "good", "soc_health": "good", "soc_documents": "yes",
    "soc_water": "always", "soc_children_school": "not_applicable", "psy_belonging": "strongly_agree",
    "psy_activities": "often", "psy_support": "yes", "psy_discrimination": "never", "psy_distress": "rarely",
}  # fmt: skip
PARTIAL = {"econ_work": "no", "econ_food": "often", "econ_borrow": "no", "psy_support": "no"}  # declined the rest


def _followed_up(officer: User, person: Person, said: list[tuple]) -> None:
    """Record the reached contact and the outcome of each follow-up of ``person`` listed in ``said``."""
    for months, working, income, intends, business, answers in said:
        followup = FollowUp.objects.get(person=person, trigger="arrival", months_after=months, status="due")
        at = timezone.make_aware(datetime.datetime.combine(followup.due_on, datetime.time(10)))
        actions.followup_attempt(actor=officer, followup=followup, channel="phone", reached=False, at=at)
        actions.followup_attempt(
            actor=officer, followup=followup, channel="phone", reached=True, at=at + datetime.timedelta(days=2)
        )
        actions.followup_record_outcome(
            actor=officer,
            followup=followup,
            working=working,
            income_band=income,
            intends_to_migrate=intends,
            business_operating=business,
            rss_answers=answers,
        )


def _cases(manager: User, officer: User) -> int:
    today = timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    line = {b.code: b for b in BudgetLine.objects.all()}
    course = {c.name: c for c in Course.objects.all()}
    vacancy = {v.title: v for v in Vacancy.objects.all()}
    people = {}

    def open_case(index, days, goals=()):
        person, arrival = _returnee(officer, index, ago(days))
        people[index] = person
        actions.followups_on_arrival(
            actor=officer, person=person, arrived_on=ago(days), arrival_id=arrival.pk if arrival else None
        )
        case = actions.case_open(actor=officer, person=person, returned_on=ago(days), goals="Plan de reintegración")
        for area, text in goals:
            actions.goal_add(actor=officer, case=case, area=area, description=text)
        return case

    # 1. Returned 40 days ago, plan still not agreed (late), 1-month follow-up overdue.
    open_case(0, 40, [("documents", "Obtener DPI"), ("employment", "Empleo en construcción")])
    # 2. Plan agreed; DPI submitted to RENAP; attending a course.
    case = open_case(1, 100, [("documents", "Reponer DPI"), ("training", "Curso de corte y confección")])
    actions.case_agree_plan(actor=officer, case=case, agreed_on=ago(90))
    dpi = actions.document_request(actor=officer, case=case, kind="dpi", requested_on=ago(85))
    actions.payment_record(
        actor=officer,
        budget_line=line["USAID-DOC"],
        amount=Decimal("85"),
        purpose="documents",
        document=dpi,
        paid_on=ago(85),
        payee="RENAP",
    )
    actions.document_set_status(actor=officer, document=dpi, status="submitted", on=ago(80))
    enrolment = actions.enrolment_create(
        actor=officer,
        case=case,
        course=course["Corte y confección"],
        starts_on=ago(30),
        ends_on=today + datetime.timedelta(days=60),
    )
    actions.enrolment_record_attendance(actor=officer, enrolment=enrolment, sessions_total=8, sessions_attended=7)
    _followed_up(officer, people[1], [(1, "informal", "lt1500", "unsure", None, STRUGGLING)])
    # 3. DPI issued, course certified, hired 95 days ago: the 3-month retention check is due.
    case = open_case(2, 200, [("employment", "Empleo en call center")])
    actions.case_agree_plan(actor=officer, case=case, agreed_on=ago(185))
    dpi = actions.document_request(actor=officer, case=case, kind="dpi", requested_on=ago(180))
    actions.document_set_status(actor=officer, document=dpi, status="submitted", on=ago(178))
    actions.document_set_status(actor=officer, document=dpi, status="issued", on=ago(150))
    enrolment = actions.enrolment_create(
        actor=officer, case=case, course=course["Computación básica"], starts_on=ago(170), ends_on=ago(120)
    )
    actions.payment_record(
        actor=officer,
        budget_line=line["USAID-CAP"],
        amount=Decimal("300"),
        purpose="training",
        enrolment=enrolment,
        paid_on=ago(170),
        payee="INTECAP",
    )
    actions.enrolment_record_attendance(actor=officer, enrolment=enrolment, sessions_total=20, sessions_attended=19)
    actions.enrolment_set_status(actor=officer, enrolment=enrolment, status="completed", on=ago(120))
    actions.enrolment_set_status(
        actor=officer, enrolment=enrolment, status="certified", on=ago(110), certificate_number="INTECAP-2026-0457"
    )
    job = actions.job_referral_create(
        actor=officer, case=case, vacancy=vacancy["Agente bilingüe de servicio al cliente"]
    )
    actions.job_referral_set_status(actor=officer, job_referral=job, status="interview", on=ago(100))
    actions.job_referral_set_status(actor=officer, job_referral=job, status="hired", on=ago(95))
    _followed_up(
        officer,
        people[2],
        [
            (1, "none", "none", "unsure", None, STRUGGLING),
            (3, "informal", "lt1500", "no", None, SETTLING),
            (6, "formal", "3000_5000", "no", None, SETTLED),
        ],
    )
    # 4. Business plan submitted, awaiting a manager's approval.
    case = open_case(3, 60, [("business", "Taller de soldadura")])
    actions.case_agree_plan(actor=officer, case=case, agreed_on=ago(45))
    grant = actions.grant_draft(
        actor=officer,
        case=case,
        business_name="Soldaduras Gómez",
        sector="construction",
        description="Taller de soldadura y herrería en la cabecera municipal.",
        skills_abroad="Soldador certificado, 9 años en Texas",
        budget=Decimal("18000"),
        amount_requested=Decimal("12000"),
    )
    actions.grant_set_status(actor=officer, grant=grant, status="submitted")
    # 5. Grant approved (four eyes), equipment bought, first tranche paid.
    case = open_case(4, 150, [("business", "Panadería familiar")])
    actions.case_agree_plan(actor=officer, case=case, agreed_on=ago(140))
    grant = actions.grant_draft(
        actor=officer,
        case=case,
        business_name="Panadería Xol",
        sector="culinary",
        description="Panadería con horno industrial y venta en el mercado.",
        skills_abroad="Panadera en Los Ángeles",
        budget=Decimal("15000"),
        amount_requested=Decimal("10000"),
    )
    actions.grant_set_status(actor=officer, grant=grant, status="submitted")
    grant = actions.grant_set_status(actor=manager, grant=grant, status="approved", note="Plan sólido")
    first = actions.tranche_plan(actor=officer, grant=grant, amount=Decimal("6000"), planned_on=ago(100))
    actions.tranche_plan(
        actor=officer, grant=grant, amount=Decimal("4000"), planned_on=today + datetime.timedelta(days=30)
    )
    actions.tranche_set_status(
        actor=officer, tranche=first, status="paid", budget_line=line["USAID-CS"], paid_on=ago(100), reference="CH-1021"
    )
    actions.equipment_record(
        actor=officer,
        grant=grant,
        description="Horno industrial de 3 bandejas",
        supplier="Equipos del Sur",
        amount=Decimal("5200"),
        purchased_on=ago(95),
    )
    _followed_up(
        officer,
        people[4],
        [(1, "informal", "lt1500", "no", None, SETTLING), (3, "self_employed", "1500_3000", "no", True, SETTLED)],
    )
    # 6. Re-migration: returned a year ago, deported again last week.
    case = open_case(5, 380, [("employment", "Empleo en logística")])
    actions.case_agree_plan(actor=officer, case=case, agreed_on=ago(360))
    _followed_up(
        officer,
        people[5],
        [
            (1, "informal", "lt1500", "unsure", None, SETTLING),
            (3, "none", "none", "unsure", None, STRUGGLING),
            (6, "none", "not_stated", "yes", None, PARTIAL),
        ],
    )
    actions.followups_on_arrival(actor=officer, person=people[5], arrived_on=ago(7))

    group = SelfHelpGroup.objects.filter(name="Club Migrantes Huehuetenango").first() or actions.group_create(
        actor=officer,
        name="Club Migrantes Huehuetenango",
        facilitator=officer,
        municipality=Municipality.objects.filter(code="1301").first(),
        started_on=ago(120),
    )
    live = list(ReintegrationCase.objects.filter(officer=officer, status__in=ReintegrationCase.LIVE))
    actions.group_session_record(
        actor=officer,
        group=group,
        held_on=ago(14),
        topic="success_stories",
        attendees=live[:4],
        notes="Testimonios de empleo",
    )
    return 6


@transaction.atomic
def load(*, options: dict, stdout) -> None:
    officer = User.objects.filter(username="reintegracion").first()
    manager = User.objects.filter(username="gerencia").first()
    if officer is None or manager is None:
        stdout.write("reintegration: demo users missing, nothing loaded")
        return
    _reference(manager, officer)
    if ReintegrationCase.objects.filter(officer=officer).exists():
        stdout.write("reintegration: demo cases already there")
        return
    stdout.write(f"reintegration: {_cases(manager, officer)} demo cases created")
