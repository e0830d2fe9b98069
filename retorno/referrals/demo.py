"""Demo partners with what they offer, shelters with stays, and referrals in every state (idempotent).

Everything goes through the real actions (so the audit log and status history are real). A second
run finds each partner, shelter, referral and stay already there and creates nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from retorno.accounts.models import Organisation, User
from retorno.geo.models import Department, Municipality
from retorno.people.actions import consent_record
from retorno.people.models import Person
from retorno.people.queries import has_consent
from retorno.referrals import actions
from retorno.referrals.models import Partner, Referral, Shelter, Stay

# slug, name (for organisations the accounts demo does not create), kind, offers, target groups, department, contact
PARTNERS = [
    (
        "casa-del-migrante",
        "Casa del Migrante",
        Organisation.Kind.SHELTER,
        {"shelter": "Hasta 72 horas, alimentación, llamadas, recepción de remesas", "health": "Atención médica básica"},
        ["adults", "women", "families"],
        "01",
        ("Hna. Teresa Morales", "2230-1234"),
    ),
    (
        "casa-nuestras-raices",
        "Casa Nuestras Raíces",
        Organisation.Kind.CIVIL_SOCIETY,
        {"shelter": "Niñez y adolescencia no acompañada hasta la entrega a su familia", "psychosocial": ""},
        ["minors"],
        "01",
        ("Lic. Ana Gálvez", "2251-7788"),
    ),
    (
        "intecap",
        "INTECAP",
        Organisation.Kind.TRAINING,
        {"training": "Cursos técnicos y certificación de competencias laborales"},
        ["adults", "women"],
        "01",
        ("Oficina de Atención a Migrantes", "2410-5555"),
    ),
    (
        "call-center-gt",
        "Centro de Llamadas Guatemala, S.A.",
        Organisation.Kind.EMPLOYER,
        {"employment": "Agentes bilingües"},
        ["adults", "women"],
        "01",
        ("Recursos Humanos", "2300-4000"),
    ),
    (
        "constructora-altiplano",
        "Constructora del Altiplano, S.A.",
        Organisation.Kind.EMPLOYER,
        {"employment": "Albañilería, maquinaria pesada"},
        ["adults"],
        "09",
        ("Ing. Rodrigo Xum", "7761-2020"),
    ),
    (
        "hospital-nacional-salud-mental",
        "Hospital Nacional de Salud Mental",
        Organisation.Kind.HEALTH,
        {"health": "Consulta externa", "psychosocial": "Atención psiquiátrica y psicológica"},
        ["adults", "women", "minors"],
        "01",
        ("Trabajo Social", "2440-1010"),
    ),
    (
        "refugio-ninez",
        "El Refugio de la Niñez",
        Organisation.Kind.CIVIL_SOCIETY,
        {"shelter": "Víctimas de trata", "legal": "Acompañamiento legal", "psychosocial": ""},
        ["trafficking", "minors", "women"],
        "01",
        ("Coordinación", "2277-3434"),
    ),
]

# name, partner slug, municipality code, beds (adults, women, minors, trafficking), stay limit (hours)
SHELTERS = [
    ("Casa del Migrante — Ciudad de Guatemala", "casa-del-migrante", "0101", (40, 12, 0, 0), 72),
    ("Casa del Migrante — San Marcos", "casa-del-migrante", "1201", (20, 6, 0, 0), 72),
    ("Casa Nuestras Raíces", "casa-nuestras-raices", "0101", (0, 0, 20, 0), 240),
    ("Amor sin Fronteras", "refugio-ninez", "0101", (0, 0, 0, 8), 720),
]

S = Referral.Status
# person index, partner slug, service, shared fields, purpose, the statuses it goes through (with reasons)
REFERRALS = [
    (
        0,
        "intecap",
        "training",
        ["name", "age", "education", "phone"],
        "Curso de cocina, nivel 1",
        [S.ACCEPTED, S.COMPLETED],
    ),
    (1, "intecap", "training", ["name", "age", "education", "phone"], "Certificación en soldadura", [S.ACCEPTED]),
    (2, "call-center-gt", "employment", ["name", "age", "languages", "phone"], "Agente bilingüe, turno matutino", []),
    (
        3,
        "call-center-gt",
        "employment",
        ["name", "age", "languages", "phone"],
        "Agente bilingüe",
        [(S.REJECTED, "Nivel de inglés insuficiente para la vacante")],
    ),
    (
        4,
        "constructora-altiplano",
        "employment",
        ["name", "age", "phone"],
        "Ayudante de albañil, obra en Quetzaltenango",
        [S.ACCEPTED, (S.NO_SHOW, "No se presentó a la entrevista")],
    ),
    (5, "constructora-altiplano", "employment", ["name", "age", "phone"], "Operador de maquinaria pesada", []),
    (
        6,
        "hospital-nacional-salud-mental",
        "psychosocial",
        ["name", "sex", "age"],
        "Evaluación psicológica",
        [(S.REVOKED, "La persona prefirió atención en su municipio")],
    ),
    (
        7,
        "hospital-nacional-salud-mental",
        "health",
        ["name", "sex", "age", "cui"],
        "Consulta por dolor crónico",
        [S.ACCEPTED],
    ),
]

# person index, shelter, hours since check-in (None: still expected), hours stayed (None: still there)
STAYS = [
    (10, "Casa del Migrante — Ciudad de Guatemala", 80, None),  # past the 72-hour limit
    (11, "Casa del Migrante — Ciudad de Guatemala", 62, None),  # limit soon
    (12, "Casa del Migrante — Ciudad de Guatemala", 5, None),
    (13, "Casa del Migrante — Ciudad de Guatemala", 24 * 6, 48),
    (14, "Casa del Migrante — Ciudad de Guatemala", 24 * 9, 70),
    (15, "Casa del Migrante — Ciudad de Guatemala", 24 * 12, 30),
    (16, "Casa del Migrante — San Marcos", 24 * 3, 20),
    (17, "Casa del Migrante — Ciudad de Guatemala", None, None),  # expected arrival from reception
    (18, "Casa del Migrante — Ciudad de Guatemala", None, None),
]


def _partners(manager: User) -> dict[str, Partner]:
    partners = {}
    for slug, name, kind, offers, groups, department, (contact, phone) in PARTNERS:
        organisation = Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})[0]
        partner = Partner.objects.filter(organisation=organisation).first()
        if partner is None:
            partner = actions.partner_create(
                actor=manager,
                organisation=organisation,
                services=offers,
                target_groups=groups,
                department=Department.objects.get(code=department),
                contact_name=contact,
                contact_phone=phone,
                answer_days=5 if kind == Organisation.Kind.EMPLOYER else 3,
            )
        partners[slug] = partner
    return partners


def _shelters(manager: User, partners: dict[str, Partner]) -> dict[str, Shelter]:
    shelters = {}
    for name, slug, municipality, (adults, women, minors, trafficking), limit in SHELTERS:
        shelter = Shelter.objects.filter(name=name).first() or actions.shelter_create(
            actor=manager,
            partner=partners[slug],
            name=name,
            municipality=Municipality.objects.get(code=municipality),
            capacity_adults=adults,
            capacity_women=women,
            capacity_minors=minors,
            capacity_trafficking=trafficking,
            stay_limit_hours=limit,
            warning_hours=12,
        )
        shelters[name] = shelter
    return shelters


def _consenting(person: Person, officer: User) -> Person:
    if not has_consent(person=person, purpose="share_partners"):
        consent_record(actor=officer, person=person, purpose="share_partners", given=True, note="Demo")
    return person


def _referrals(people: list[Person], partners: dict[str, Partner], officer: User, partner_user: dict) -> int:
    created = 0
    for index, slug, service, fields, purpose, path in REFERRALS:
        person = people[index]
        partner = partners[slug]
        if Referral.objects.filter(person=person, partner=partner, service=service).exists():
            continue
        referral = actions.referral_create(
            actor=officer,
            person=_consenting(person, officer),
            partner=partner,
            purpose=purpose,
            service=service,
            shared_fields=fields,
        )
        for step in path:
            status, reason = step if isinstance(step, tuple) else (step, "")
            actor = officer if status == S.REVOKED else partner_user.get(slug, officer)
            referral = actions.referral_set_status(actor=actor, referral=referral, status=status, reason=reason)
        created += 1
    # An overdue referral on the officer's worklist: pending, answer date already past.
    overdue = Referral.objects.filter(person=people[5], status=S.PENDING).first()
    if overdue and overdue.answer_due_at > timezone.now():
        Referral.objects.filter(pk=overdue.pk).update(answer_due_at=timezone.now() - datetime.timedelta(days=2))
    return created


def _stays(people: list[Person], shelters: dict[str, Shelter], reception: User, shelter_user: User) -> int:
    created = 0
    now = timezone.now()
    for index, shelter_name, since, stayed in STAYS:
        person = people[index]
        shelter = shelters[shelter_name]
        if Referral.objects.filter(person=person, shelter=shelter).exists():
            continue
        referral = actions.shelter_referral_from_reception(
            actor=reception, person=_consenting(person, reception), shelter=shelter
        )
        if since is None:
            continue
        at = now - datetime.timedelta(hours=since)
        stay = actions.stay_check_in(actor=shelter_user, referral=referral, bed_type=None, at=at)
        if stayed is not None:
            actions.stay_check_out(
                actor=shelter_user, stay=stay, at=at + datetime.timedelta(hours=stayed), note="Regresó con su familia"
            )
        created += 1
    return created


@transaction.atomic
def load(*, options: dict, stdout) -> None:
    manager = User.objects.get(username="gerencia")
    officer = User.objects.get(username="reintegracion")
    reception = User.objects.get(username="recepcion")
    shelter_user = User.objects.get(username="albergue")
    partners = _partners(manager)
    shelters = _shelters(manager, partners)
    # Adults only, so each lands in an adults' or women's bed.
    people = list(
        Person.objects.filter(merged_into__isnull=True, birth_date__lte=datetime.date(2005, 1, 1)).order_by("id")[:20]
    )
    if len(people) < 20:
        stdout.write(
            f"referrals: {len(partners)} partners, {len(shelters)} shelters; too few persons for demo referrals"
        )
        return
    referrals = _referrals(people, partners, officer, {"casa-del-migrante": shelter_user})
    stays = _stays(people, shelters, reception, shelter_user)
    stdout.write(
        f"referrals: {len(partners)} partners, {len(shelters)} shelters, {referrals} referrals and {stays} stays created "
        f"({Referral.objects.count()} referrals, {Stay.objects.count()} stays in all)"
    )
