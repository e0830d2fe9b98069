"""Demo directory, trainings and networks (see the package docstring)."""

import datetime
import random
from decimal import Decimal

from retorno.accounts.models import Organisation, User
from retorno.geo.models import Department
from retorno.outreach import actions
from retorno.outreach.demo.data import (
    CSO_NETWORK,
    INSTITUTIONS,
    JUDGE_COURSES,
    NETWORK_MEMBERS,
    NETWORKS,
    POSITIONS,
    K,
)
from retorno.outreach.models import (
    Network,
    Training,
)
from retorno.people.names import FEMALE_GIVEN, MALE_GIVEN, SURNAMES


def _pick(rng: random.Random, weighted) -> str:
    names, weights = zip(*weighted, strict=True)
    return rng.choices(names, weights=weights)[0]


def officer_get(orgs) -> User:
    officer, created = User.objects.get_or_create(
        username="instituciones",
        defaults={
            "first_name": "Sofía",
            "last_name": "Instituciones",
            "role": User.Role.INSTITUTIONS,
            "organisation": orgs["programa"],
        },
    )
    if created:
        from retorno.accounts.demo import demo_password

        officer.set_password(demo_password())
        officer.save()
    return officer


def directory_load(officer) -> dict[str, Organisation]:
    for slug, name, acronym, kind, parent in INSTITUTIONS:
        org = Organisation.objects.filter(slug=slug).first()
        if org is None:
            parent_org = Organisation.objects.get(slug=parent) if parent else None
            actions.institution_create(
                actor=officer, slug=slug, name=name, acronym=acronym, kind=kind, parent=parent_org
            )
        elif parent and org.parent_id is None:
            actions.institution_update(actor=officer, organisation=org, parent=Organisation.objects.get(slug=parent))
    for name in CSO_NETWORK:
        if not Organisation.objects.filter(name=name).exists():
            from django.utils.text import slugify

            actions.institution_create(actor=officer, slug=slugify(name)[:60], name=name, kind=K.NGO)
    svet = Organisation.objects.get(slug="svet")
    if not svet.contacts.exists():
        actions.institution_contact_add(
            actor=officer, organisation=svet, name="Licda. Carmen Ordóñez", position="Unidad de Monitoreo y Estadística"
        )
    return {o.slug: o for o in Organisation.objects.all()}


def judges_trainings_load(officer, orgs, rng) -> None:
    depts = {d.code: d for d in Department.objects.all()}
    for n, (place, dept, judges) in enumerate(JUDGE_COURSES):
        title = f"Trata de personas y aplicación de la Ley VET — jueces de {place}"
        if Training.objects.filter(title=title).exists():
            continue
        start = datetime.date(2011, 3, 7) + datetime.timedelta(weeks=6 * n)
        training = actions.training_create(
            actor=officer,
            title=title,
            topic=Training.Topic.TRAFFICKING,
            audience="judges",
            starts_on=start,
            ends_on=start + datetime.timedelta(days=1),
            institutions=[orgs["oj"], orgs["oj-escuela"]],
            place=f"Hotel en {place}",
            department=depts[dept],
            trainers="Consultora internacional; Escuela de Estudios Judiciales",
            materials="Ley VET comentada; guía de identificación de víctimas; hospedaje y refrigerios",
            cost=Decimal(judges * 950),
        )
        sessions = [
            actions.training_session_add(actor=officer, training=training, date=start, subject="Marco legal: Ley VET"),
            actions.training_session_add(
                actor=officer, training=training, date=start + datetime.timedelta(days=1), subject="Casos y sentencias"
            ),
        ]
        enrolments = []
        for _ in range(judges):
            # 229 different judges: a name already in the register is drawn again.
            participant, created = None, False
            while not created:
                female = rng.random() < 0.42
                given = _pick(rng, FEMALE_GIVEN if female else MALE_GIVEN)
                participant, created = actions.participant_find_or_create(
                    actor=officer,
                    full_name=f"{given} {_pick(rng, SURNAMES)} {_pick(rng, SURNAMES)}",
                    institution=orgs["oj"],
                    position=rng.choice(POSITIONS[1::2] if female else POSITIONS[0::2]),
                    sex="F" if female else "M",
                    department=depts[dept],
                )
            enrolments.append(actions.training_enrol(actor=officer, training=training, participant=participant))
        for session in sessions:
            present = {e.pk for e in enrolments if rng.random() < 0.94}
            actions.training_attendance_record(actor=officer, session=session, present_enrolment_ids=present)
        scores = {e.pk: (rng.randint(30, 65), rng.randint(60, 98)) for e in enrolments}
        actions.training_scores_record(actor=officer, training=training, scores=scores)
        actions.training_set_status(actor=officer, training=training, status="held")
        actions.training_set_status(actor=officer, training=training, status="closed")


def prosecutors_training_load(officer, orgs) -> None:
    title = "Oratoria forense para la Fiscalía contra la Trata de Personas"
    if Training.objects.filter(title=title).exists():
        return
    unit = orgs["mp-fiscalia-trata"]
    training = actions.training_create(
        actor=officer,
        title=title,
        topic=Training.Topic.FORENSIC_INTERVIEW,
        audience="prosecutors",
        starts_on=datetime.date(2012, 5, 14),
        ends_on=datetime.date(2012, 5, 16),
        institutions=[orgs["mp"], unit],
        place="Ciudad de Guatemala",
        trainers="Consultor en litigio oral",
        cost=Decimal("18500"),
        pass_mark=70,
    )
    session = actions.training_session_add(
        actor=officer, training=training, date=datetime.date(2012, 5, 14), subject="Alegatos y sistematización de casos"
    )
    people = [
        ("Ana Lucía Castillo", "Fiscal", "F"),
        ("Rodrigo Barrios", "Fiscal", "M"),
        ("Silvia Cifuentes", "Fiscal", "F"),
    ]
    people += [(f"Auxiliar fiscal {i}", "Auxiliar fiscal", "F" if i % 2 else "M") for i in range(1, 9)]
    ids = set()
    for name, position, sex in people:
        participant, _ = actions.participant_find_or_create(
            actor=officer, full_name=name, institution=unit, position=position, sex=sex
        )
        ids.add(actions.training_enrol(actor=officer, training=training, participant=participant).pk)
    actions.training_attendance_record(actor=officer, session=session, present_enrolment_ids=ids)
    actions.training_scores_record(actor=officer, training=training, scores=dict.fromkeys(ids, (55, 85)))
    actions.training_set_status(actor=officer, training=training, status="held")


def networks_load(officer, orgs) -> None:
    depts = {d.code: d for d in Department.objects.all()}
    today = datetime.date.today()
    for name, kind, dept in NETWORKS:
        if Network.objects.filter(name=name).exists():
            continue
        network = actions.network_create(
            actor=officer, name=name, kind=kind, department=depts[dept], coordinator=orgs["svet"]
        )
        for slug in NETWORK_MEMBERS:
            actions.network_member_add(actor=officer, network=network, organisation=orgs[slug])
        meeting = None
        for month in (2, 5, 8):
            meeting = actions.meeting_record(
                actor=officer,
                network=network,
                date=datetime.date(2013, month, 12),
                agenda="Casos referidos; ruta de denuncia; plan de prevención",
                minutes="Se revisaron los casos del trimestre y se acordaron acciones.",
                organisations_present=[orgs[s] for s in NETWORK_MEMBERS[:6]],
                people_present=14,
            )
        actions.network_agreement_add(
            actor=officer,
            network=network,
            meeting=meeting,
            commitment="Difundir la ruta de denuncia en las municipalidades",
            owner=orgs["svet"],
            due_on=today + datetime.timedelta(days=10),
        )
        done = actions.network_agreement_add(
            actor=officer,
            network=network,
            meeting=meeting,
            commitment="Capacitar a la PNC local en identificación de víctimas",
            owner=orgs["pnc"],
            due_on=today - datetime.timedelta(days=20),
        )
        actions.network_agreement_set_status(actor=officer, agreement=done, status="done")
    name = "Red de la sociedad civil contra la trata de personas"
    if not Network.objects.filter(name=name).exists():
        network = actions.network_create(
            actor=officer, name=name, kind="civil_society", coordinator=orgs["ecpat"], purpose="Incidir en legislación"
        )
        members = ["ecpat", "refugio-ninez", "unicef", "acnur", "casa-del-migrante"]
        for slug in members:
            actions.network_member_add(actor=officer, network=network, organisation=orgs[slug])
        for cso in CSO_NETWORK:
            actions.network_member_add(actor=officer, network=network, organisation=Organisation.objects.get(name=cso))
