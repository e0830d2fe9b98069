"""Demo reception data: closed flights of past days (with repeat returnees), and today's
announced flight with its manifest. Idempotent: flights are found by their code."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from retorno.accounts.models import User
from retorno.geo.models import Department
from retorno.people.models import Person
from retorno.reception import actions
from retorno.reception.models import Fare, Flight, TriageNeed, WorkItem

TRIAGE_NEEDS = [
    ("ropa", "Ropa o abrigo", "Clothes or a coat", 10),
    ("cambio-moneda", "Cambio de moneda", "Currency exchange", 20),
    ("medicamentos", "Medicamentos", "Medicines", 30),
    ("cargador", "Cargar el teléfono", "Phone charging", 40),
]
# Fares from El Trébol terminal to each department (US$, rounded), the 2013 order of magnitude.
FARES = {
    "01": "2",
    "02": "6",
    "03": "3",
    "04": "3",
    "05": "5",
    "06": "5",
    "07": "5",
    "08": "7",
    "09": "9",
    "10": "9",
    "11": "10",
    "12": "11",
    "13": "12",
    "14": "10",
    "15": "8",
    "16": "9",
    "17": "14",
    "18": "10",
    "19": "7",
    "20": "8",
    "21": "7",
    "22": "6",
}
PAST_FLIGHTS = 4
PER_FLIGHT = 40


def _manifest(persons: list[Person], newcomers: int, seed: int) -> bytes:
    rng = random.Random(seed)
    lines = ["No.;Nombres;Primer Apellido;Segundo Apellido;Sexo;Fecha de Nacimiento;DPI;No acompañado\n"]
    for i, p in enumerate(persons, start=1):
        birth = p.birth_date.strftime("%d/%m/%Y") if p.birth_date else ""
        alone = "S" if p.birth_date and p.age_on(datetime.date.today()) < 18 else "N"
        lines.append(f"{i};{p.given_names};{p.first_surname};{p.second_surname};{p.sex};{birth};{p.cui};{alone}\n")
    for j in range(len(persons) + 1, len(persons) + newcomers + 1):
        lines.append(
            f"{j};{rng.choice(['Mario', 'Julio', 'Rosa', 'Elmer'])};{rng.choice(['Ajanel', 'Cux', 'Sic'])};{rng.choice(['Tay', 'Us', 'Coc'])};M;{rng.randint(13, 28)}/0{rng.randint(1, 9)}/19{rng.randint(75, 99)};;N\n"
        )
    # A day above 12 shows the importer reads day/month; the person is as real as the others.
    lines.append(f"{len(persons) + newcomers + 1};Santos Feliciano;Chiquival;Tum;M;25/12/1990;;N\n")
    return "".join(lines).encode("utf-8")


def _reference_data() -> None:
    for code, es, en, order in TRIAGE_NEEDS:
        TriageNeed.objects.get_or_create(code=code, defaults={"name_es": es, "name_en": en, "order": order})
    for code, amount in FARES.items():
        department = Department.objects.filter(code=code).first()
        if department:
            Fare.objects.get_or_create(
                department=department, municipality=None, currency="USD", defaults={"amount": Decimal(amount)}
            )


def _close_past_flight(flight: Flight, clerk: User, protection: User, rng: random.Random) -> None:
    actions.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.ARRIVED)
    actions.flight_set_status(actor=clerk, flight=flight, status=Flight.Status.RECEPTION_OPEN)
    for arrival in flight.arrivals.order_by("id"):
        if rng.random() < 0.08:
            continue  # did not arrive: reconciled at closing
        arrival = actions.arrival_check_in(actor=clerk, arrival=arrival)
        needs = random.Random(arrival.pk)  # apart from ``rng``, so the rest of the demo stays as it was
        triage = actions.triage_record(
            actor=clerk,
            arrival=arrival,
            refreshments=True,
            calls_national=rng.randint(0, 2),
            calls_international=rng.randint(0, 1),
            transport_home=rng.random() < 0.6,
            shelter=rng.random() < 0.1,
            psychosocial=rng.random() < 0.15,
            refer_to_protection=rng.random() < 0.04,
            medical=needs.random() < 0.05,
            documents_no_dpi=needs.random() < 0.1,
            reintegration_interest=needs.random() < 0.2,
        )
        if triage.refer_to_protection:
            actions.protection_acknowledge(actor=protection, arrival=arrival)
        actions.service_record(actor=clerk, arrival=arrival, kind="refreshment", unit_cost=Decimal("1.25"))
        if triage.transport_home and arrival.person.origin_municipality:
            actions.need_assess(
                actor=clerk,
                arrival=arrival,
                can_pay=rng.random() < 0.2,
                family_collecting=rng.random() < 0.15,
                destination=arrival.person.origin_municipality,
                vulnerability=rng.randint(0, 4),
            )
    run = actions.allocation_run(actor=clerk, flight=flight)
    for decision in run.decisions:
        if decision["allocated"]:
            actions.ticket_issue(actor=clerk, arrival=flight.arrivals.get(pk=decision["arrival"]))
    actions.flight_close(actor=clerk, flight=flight, confirm=True)
    _take_dpi_items(flight)


def _take_dpi_items(flight: Flight) -> None:
    """The reintegration officer took the older flights' DPI items: each is a DPI request draft."""
    officer = User.objects.filter(username="reintegracion").first()
    if officer is None or flight.date > datetime.date.today() - datetime.timedelta(days=6):
        return  # the latest past flight's items are still waiting in the queue
    for item in WorkItem.objects.filter(arrival__flight=flight, kind=WorkItem.Kind.DPI_REQUEST, status="open"):
        actions.work_item_take(actor=officer, item=item)


@transaction.atomic
def load(*, options: dict, stdout) -> None:
    _reference_data()
    clerk = User.objects.filter(username="recepcion").first()
    protection = User.objects.filter(username="proteccion").first()
    if clerk is None or protection is None or Person.objects.count() < PER_FLIGHT * 2:
        stdout.write("flights: skipped (needs the demo users and persons)")
        return
    today = datetime.date.today()
    pool = list(
        Person.objects.filter(birth_date__isnull=False, merged_into__isnull=True).order_by("id")[
            : PER_FLIGHT * PAST_FLIGHTS
        ]
    )
    created = 0
    for n in range(PAST_FLIGHTS, 0, -1):
        code = f"DEMO-{n}"
        if Flight.objects.filter(code=code).exists():
            continue
        rng = random.Random(n)
        flight = actions.flight_create(
            actor=clerk,
            code=code,
            date=today - datetime.timedelta(days=n * 3),
            expected_time=datetime.time(10 + n, 0),
            origin=rng.choice(["Alexandria, Luisiana", "Mesa, Arizona", "Brownsville, Texas"]),
            carrier="ICE Air",
        )
        chosen = pool[
            (n - 1) * (PER_FLIGHT - 10) : (n - 1) * (PER_FLIGHT - 10) + PER_FLIGHT - 5
        ]  # overlapping slices: repeat returnees
        chosen = [p for p in chosen if p.age_on(today) is not None and p.age_on(today) >= 18]
        staged, _ = actions.manifest_stage(
            actor=clerk, flight=flight, data=_manifest(chosen, 5, n), filename=f"{code}.csv"
        )
        actions.manifest_commit(actor=clerk, manifest_import=staged)
        _close_past_flight(flight, clerk, protection, rng)
        created += 1
    if not Flight.objects.filter(code="DEMO-HOY").exists():
        flight = actions.flight_create(
            actor=clerk,
            code="DEMO-HOY",
            date=today,
            expected_time=datetime.time(14, 30),
            origin="Mesa, Arizona",
            carrier="ICE Air",
            expected_count=PER_FLIGHT,
        )
        returnees = pool[: PER_FLIGHT // 4]
        staged, _ = actions.manifest_stage(
            actor=clerk,
            flight=flight,
            data=_manifest(returnees, PER_FLIGHT - len(returnees) - 1, 99),
            filename="DEMO-HOY.csv",
        )
        actions.manifest_commit(actor=clerk, manifest_import=staged)
        created += 1
    stdout.write(
        f"flights: {created} created, {Flight.objects.filter(code__startswith='DEMO-').count()} demo flights in all"
    )
    from retorno.reception.demo_history import load_histories

    stdout.write(f"migration histories: {load_histories(clerk=clerk)} created")
