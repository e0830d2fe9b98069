"""Outreach personas: the programme officer for institutions (new role), plus the root personas.

``shelter_partner`` (Casa del Migrante) has a sub-grant; ``employer_partner`` must see none of it.
"""

import datetime
from decimal import Decimal

import pytest

from conftest import make_user
from retorno.accounts.models import Organisation, User
from retorno.geo.models import Department
from retorno.outreach import actions
from retorno.outreach.models import Training


@pytest.fixture
def officer(programme) -> User:
    """Sofía, programme officer for institutions: runs trainings, networks, campaigns, agreements."""
    return make_user("officer", User.Role.INSTITUTIONS, programme)


@pytest.fixture
def judiciary(db) -> Organisation:
    return Organisation.objects.create(
        name="Organismo Judicial", acronym="OJ", slug="oj", kind=Organisation.Kind.JUDICIARY
    )


@pytest.fixture
def school_of_judges(judiciary) -> Organisation:
    return Organisation.objects.create(
        name="Escuela de Estudios Judiciales", slug="eej", kind=Organisation.Kind.JUDICIARY, parent=judiciary
    )


@pytest.fixture
def training(officer, judiciary) -> Training:
    training = actions.training_create(
        actor=officer,
        title="Trata de personas para jueces de paz",
        topic=Training.Topic.TRAFFICKING,
        audience="judges",
        starts_on=datetime.date(2026, 5, 4),
        ends_on=datetime.date(2026, 5, 5),
        institutions=[judiciary],
        place="Quetzaltenango",
        department=Department.objects.get(code="09"),
        trainers="Lcda. Ana Pérez",
        cost=Decimal("12500.00"),
    )
    actions.training_session_add(
        actor=officer, training=training, date=datetime.date(2026, 5, 4), subject="Marco legal"
    )
    actions.training_session_add(actor=officer, training=training, date=datetime.date(2026, 5, 5), subject="Casos")
    return training


@pytest.fixture
def judge(officer, judiciary):
    participant, _ = actions.participant_find_or_create(
        actor=officer,
        full_name="María José Q'uel Ixcoy",
        institution=judiciary,
        position="Jueza de paz",
        sex="F",
        department=Department.objects.get(code="09"),
    )
    return participant


@pytest.fixture
def world(officer, manager, training, judge, judiciary, shelter_org):
    """One of everything, built through the actions: a held training with a certified judge, a network
    with a meeting and an agreement due, a campaign with an activity, a dialogue event, and Casa del
    Migrante's sub-grant (drafted by the officer, awaiting a manager) with its capacity assessment."""
    from retorno.geo.models import Municipality

    enrolment = actions.training_enrol(actor=officer, training=training, participant=judge)
    for session in training.sessions.all():
        actions.training_attendance_record(actor=officer, session=session, present_enrolment_ids={enrolment.pk})
    actions.training_scores_record(actor=officer, training=training, scores={enrolment.pk: (45, 80)})
    actions.training_set_status(actor=officer, training=training, status="held")
    network = actions.network_create(
        actor=officer, name="Red departamental contra la trata de Quetzaltenango", kind="departmental"
    )
    actions.network_member_add(actor=officer, network=network, organisation=judiciary, representative="Lic. Barrios")
    meeting = actions.meeting_record(
        actor=officer, network=network, date=datetime.date(2026, 4, 2), agenda="Ruta de denuncia", people_present=14
    )
    due = actions.network_agreement_add(
        actor=officer,
        network=network,
        meeting=meeting,
        commitment="Publicar la ruta de denuncia",
        owner=judiciary,
        due_on=datetime.date.today() + datetime.timedelta(days=5),
    )
    campaign = actions.campaign_create(
        actor=officer,
        name="No me Dejo Engañar",
        objective="Prevenir la trata en escuelas",
        audience="schools",
        starts_on=datetime.date(2026, 2, 1),
        channels=["schools"],
        municipalities=[Municipality.objects.get(code="1215")],
    )
    actions.campaign_activity_record(
        actor=officer,
        campaign=campaign,
        kind="school_talk",
        date=datetime.date(2026, 2, 10),
        municipality=Municipality.objects.get(code="1215"),
        reached_female=120,
        reached_male=110,
        reached_minors=230,
        schools=3,
    )
    event = actions.dialogue_create(
        actor=officer, kind="congress_session", title="Comisión del Migrante", date=datetime.date(2026, 3, 3)
    )
    follow_up = actions.dialogue_follow_up_add(
        actor=officer, event=event, action="Enviar dictamen", owner=judiciary, due_on=datetime.date(2026, 6, 1)
    )
    agreement = actions.agreement_create(
        actor=officer,
        organisation=shelter_org,
        title="Subvención Casa del Migrante 2026",
        amount=Decimal("60000.00"),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    actions.agreement_tranche_add(
        actor=officer, agreement=agreement, amount=Decimal("60000.00"), due_on=datetime.date(2026, 1, 15)
    )
    actions.agreement_set_status(actor=officer, agreement=agreement, status="submitted")
    checklist = actions.checklist_create(
        actor=officer, name="Capacidad de albergues", criteria=[("Gobernanza", "Tiene junta directiva", 3)]
    )
    assessment = actions.assessment_record(
        actor=officer,
        organisation=shelter_org,
        checklist=checklist,
        scores={checklist.criteria.get().pk: 2},
    )
    plan = actions.plan_create(actor=officer, organisation=shelter_org, title="Plan 2026", assessment=assessment)
    item = actions.plan_action_add(
        actor=officer, plan=plan, action="Manual de procedimientos", due_on=datetime.date(2026, 7, 1)
    )
    return {
        "training": training,
        "enrolment": enrolment,
        "network": network,
        "meeting": meeting,
        "due": due,
        "campaign": campaign,
        "event": event,
        "follow_up": follow_up,
        "agreement": agreement,
        "checklist": checklist,
        "assessment": assessment,
        "plan": plan,
        "item": item,
        "judiciary": judiciary,
    }
