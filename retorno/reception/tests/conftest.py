"""Reception fixtures: flights, manifests built as staff receive them, an open flight."""

import datetime
from decimal import Decimal

import pytest

from retorno.geo.models import Department, Municipality
from retorno.reception import actions
from retorno.reception.models import Fare, Flight

HEADER = "No.;Nombres;Primer Apellido;Segundo Apellido;Sexo;Fecha de Nacimiento;DPI;No acompañado\n"


def manifest_csv(rows: list[tuple]) -> bytes:
    """rows of (given, first, second, sex, birth 'dd/mm/yyyy', cui, alone 'S'/'N')."""
    lines = [HEADER] + [";".join([str(i), *map(str, row)]) + "\n" for i, row in enumerate(rows, start=1)]
    return "".join(lines).encode("utf-8")


GIVEN = [
    "Pedro",
    "Ana",
    "Luis",
    "Marta",
    "Jorge",
    "Rosa",
    "Carlos",
    "Elena",
    "Mario",
    "Lucía",
    "Oscar",
    "Sonia",
    "Walter",
    "Irma",
    "Byron",
]
SURNAMES = ["Ajú", "Batz", "Cux", "Damián", "Ixcoy", "Mendoza", "Quej", "Sicán", "Vicente"]


def synthetic_rows(n: int) -> list[tuple]:
    """n distinct adults (n ≤ 135) with unambiguous birth dates (day > 12), no two with the same
    given name and surname or born the same day: the matching engine ignores digits in names, so
    numbered look-alikes ("Pedro1", "Pedro2") would rightly be proposed as the same person."""
    return [
        (
            GIVEN[i % 15],
            SURNAMES[(i // 15) % 9],
            "López",
            "F" if i % 15 in (1, 3, 5, 7, 9, 11, 13) else "M",
            f"{13 + i % 15}/{1 + (i // 15) % 12:02d}/19{70 + i % 30}",
            "",
            "N",
        )
        for i in range(n)
    ]


@pytest.fixture
def flight(clerk) -> Flight:
    return actions.flight_create(
        actor=clerk,
        date=datetime.date(2026, 3, 2),
        origin="Alexandria, Luisiana",
        carrier="ICE Air",
        code="ICE-101",
        expected_count=3,
    )


def open_reception(flight: Flight, actor) -> Flight:
    actions.flight_set_status(actor=actor, flight=flight, status=Flight.Status.ARRIVED, arrived_count=3)
    return actions.flight_set_status(actor=actor, flight=flight, status=Flight.Status.RECEPTION_OPEN)


def import_manifest(flight: Flight, actor, data: bytes, filename: str = "manifest.csv"):
    staged, _ = actions.manifest_stage(actor=actor, flight=flight, data=data, filename=filename)
    return actions.manifest_commit(actor=actor, manifest_import=staged)


THREE = [
    ("José Luis", "Xicará", "Tzul", "M", "03/04/1990", "", "N"),  # the `person` fixture: matched by name + birth date
    ("Ana", "Tum", "Coj", "F", "15/06/2011", "", "S"),  # unaccompanied minor
    ("Luis", "Pérez", "García", "M", "20/12/1985", "", "N"),
]


@pytest.fixture
def open_flight(flight, clerk, person) -> Flight:
    """A flight with a three-person manifest (one registered, one minor alone), reception open."""
    import_manifest(flight, clerk, manifest_csv(THREE))
    return open_reception(flight, clerk)


@pytest.fixture
def fares(db) -> dict:
    huehue = Department.objects.get(code="13")
    guate = Department.objects.get(code="01")
    return {
        "13": Fare.objects.create(department=huehue, amount=Decimal("12.00"), currency="USD"),
        "01": Fare.objects.create(department=guate, amount=Decimal("2.00"), currency="USD"),
        "1301": Municipality.objects.get(code="1301"),
        "0101": Municipality.objects.get(code="0101"),
    }
