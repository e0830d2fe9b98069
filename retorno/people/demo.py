"""Demo persons: realistic Guatemalan returnees, generated deterministically.

Person number i is always generated the same way, so a second run adds only the
persons still missing and never duplicates.
"""

import datetime
import random
from itertools import accumulate

from django.db import transaction
from tqdm import tqdm

from retorno.geo.models import Country, Municipality
from retorno.lib.text import tokens
from retorno.people.cui import cui_with_check_digit
from retorno.people.identity import person_match_record
from retorno.people.matching import encode_records
from retorno.people.matching.keys import keys_of_columns
from retorno.people.models import (
    DatePrecision,
    Education,
    Language,
    NameToken,
    PeopleGroup,
    Person,
    PersonMatchKey,
    Sex,
)
from retorno.people.names import (
    DEPARTMENT_WEIGHTS,
    FEMALE_GIVEN,
    MALE_GIVEN,
    SECOND_GIVEN_FEMALE,
    SECOND_GIVEN_MALE,
    SURNAMES,
)

BATCH = 5000
MAYAN_DEPARTMENTS = {"07", "08", "09", "12", "13", "14", "15", "16"}
MAYAN_LANGUAGES = {
    "13": ["mam", "kjb", "jac", "cac"],
    "12": ["mam"],
    "09": ["quc", "mam"],
    "14": ["quc", "ixl"],
    "07": ["cak", "tzj", "quc"],
    "08": ["quc"],
    "16": ["kek", "poh"],
    "15": ["quc", "acr"],
}


class _Weighted:
    def __init__(self, pairs):
        self.values = [v for v, _ in pairs]
        self.cumulative = list(accumulate(w for _, w in pairs))

    def pick(self, rng: random.Random):
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


def _age(rng: random.Random) -> int:
    # Mostly young adults, some minors, a tail up to ~60 (report: many 35-40 and older).
    roll = rng.random()
    if roll < 0.06:
        return rng.randint(12, 17)
    if roll < 0.65:
        return rng.randint(18, 32)
    if roll < 0.92:
        return rng.randint(33, 45)
    return rng.randint(46, 64)


def generate_person(index: int, *, municipalities: dict, today: datetime.date, guatemala, seed: int = 2013) -> Person:
    rng = random.Random(seed * 1_000_003 + index)
    female = rng.random() < 0.065
    given = _Weighted(FEMALE_GIVEN if female else MALE_GIVEN).pick(rng)
    if rng.random() < 0.7:
        given += " " + rng.choice(SECOND_GIVEN_FEMALE if female else SECOND_GIVEN_MALE)
    surnames = _Weighted(SURNAMES)
    first, second = surnames.pick(rng), surnames.pick(rng) if rng.random() < 0.93 else ""
    department = _Weighted(list(DEPARTMENT_WEIGHTS.items())).pick(rng)
    municipality = rng.choice(municipalities[department])
    age = _age(rng)
    birth = today - datetime.timedelta(days=age * 365 + rng.randint(0, 364))
    precision = (
        DatePrecision.EXACT if rng.random() < 0.93 else rng.choice([DatePrecision.YEAR, DatePrecision.ESTIMATED])
    )
    cui = ""
    if age >= 18 and rng.random() < 0.55:
        dept_n, muni_n = int(department), int(municipality.code[2:])
        cui = cui_with_check_digit(f"{rng.randint(1000000, 99999999):08d}", dept_n, muni_n)
    mayan = department in MAYAN_DEPARTMENTS and rng.random() < 0.6
    languages = ["es"] + ([rng.choice(MAYAN_LANGUAGES.get(department, ["quc"]))] if mayan else [])
    if rng.random() < 0.25:
        languages.append(Language.ENGLISH)
    return Person(
        given_names=given,
        first_surname=first,
        second_surname=second,
        sex=Sex.FEMALE if female else Sex.MALE,
        birth_date=birth if precision == DatePrecision.EXACT else birth.replace(month=1, day=1),
        birth_date_precision=precision,
        cui=cui,
        nationality=guatemala,
        origin_municipality=municipality,
        languages=languages,
        people_group=PeopleGroup.MAYA
        if mayan
        else rng.choice([PeopleGroup.LADINO, PeopleGroup.LADINO, PeopleGroup.NOT_STATED]),
        education=rng.choice(
            [
                Education.NONE,
                Education.PRIMARY_INCOMPLETE,
                Education.PRIMARY,
                Education.PRIMARY,
                Education.LOWER_SECONDARY,
                Education.UPPER_SECONDARY,
                Education.UNIVERSITY,
            ]
        ),
    )


def match_keys_of(people: list[Person]) -> list[PersonMatchKey]:
    """Matching keys of freshly generated persons (no identifiers yet), encoded in one go."""
    columns = encode_records([person_match_record(p, with_identifiers=False) for p in people])
    return [
        PersonMatchKey(key=k, person_id=p.pk) for row, p in enumerate(people) for k in keys_of_columns(columns, row)
    ]


def load(*, options: dict, stdout) -> None:
    """Create persons until the registry holds ``options['persons']`` of them."""
    wanted = int(options.get("persons") or 0)
    existing = Person.objects.count()
    missing = max(0, wanted - existing)
    if not missing:
        stdout.write(f"persons: {existing} already there")
        return
    municipalities: dict[str, list] = {}
    for m in Municipality.objects.select_related("department"):
        municipalities.setdefault(m.department.code, []).append(m)
    guatemala = Country.objects.get(alpha2="GT")
    today = datetime.date(2026, 1, 1)  # fixed, so a rerun generates the same people
    with tqdm(total=missing, desc="persons", unit="p", disable=options.get("quiet", False)) as bar:
        for start in range(existing, wanted, BATCH):
            stop = min(start + BATCH, wanted)
            people = [
                generate_person(i, municipalities=municipalities, today=today, guatemala=guatemala)
                for i in range(start, stop)
            ]
            with transaction.atomic():
                Person.objects.bulk_create(people, batch_size=1000)
                words = []
                for person in people:
                    person_words = set(tokens(f"{person.given_names} {person.first_surname} {person.second_surname}"))
                    if person.cui:
                        person_words.add(person.cui)
                    words.extend(NameToken(person_id=person.pk, token=w[:40]) for w in person_words)
                NameToken.objects.bulk_create(words, batch_size=5000)
                PersonMatchKey.objects.bulk_create(match_keys_of(people), batch_size=5000)
            bar.update(stop - start)
    stdout.write(f"persons: {missing} created, {Person.objects.count()} in the registry")
