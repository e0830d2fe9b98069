"""A family-aware Guatemalan generator: the relatives that look most like one person.

``gt_names`` draws sibling groups; here persons live in clans, so every hard
non-match of the field appears at its natural rate:

- twins: same surnames, birth date and municipality, different given names;
- siblings a year or more apart, and cousins (children of brothers) in the same
  municipality, sharing the first surname;
- a father and his son of the same full name, born 18 to 30 years apart;
- married women whose records add "de" + the husband's surname;
- namesakes: names are drawn at national frequencies (``gt_names``' Zipf
  curves), so "José Luis López García" recurs across unrelated clans.

The corruption of each record is one of the ``PROFILES``: the engine was tuned
on ``tune`` (seed 1) and is reported on ``report`` (seed 2), whose settings
differ, and on ``thin``, a deliberately different corruption model (second
given name and second surname dropped together, year-only or 01-01 dates,
another department recorded) that the engine was never tuned on.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks import gt_names
from benchmarks.gt_names import CORRUPTION, RECORDS_PER_PERSON, Person, Population, record_of

TODAY = dt.date(2025, 6, 30)

PROFILES: dict[str, dict[str, float]] = {
    "tune": CORRUPTION | {"thin_record": 0.04, "birth_jan_first": 0.02, "department_other": 0.02, "married_name": 0.5},
    "report": CORRUPTION
    | {
        "given_second_dropped": 0.22,
        "second_surname_missing": 0.18,
        "spelling_variant": 0.10,
        "typo": 0.05,
        "birth_year_only": 0.07,
        "birth_missing": 0.06,
        "cui_recorded": 0.45,
        "municipality_missing": 0.15,
        "municipality_other_in_department": 0.08,
        "thin_record": 0.08,
        "birth_jan_first": 0.04,
        "department_other": 0.04,
        "married_name": 0.7,
    },
    "thin": CORRUPTION
    | {
        "given_second_dropped": 0.10,
        "second_surname_missing": 0.08,
        "surnames_swapped": 0.0,
        "both_surnames_in_first": 0.0,
        "birth_day_month_swapped": 0.02,
        "birth_year_only": 0.15,
        "birth_missing": 0.10,
        "cui_recorded": 0.6,
        "municipality_missing": 0.2,
        "thin_record": 0.25,
        "birth_jan_first": 0.10,
        "department_other": 0.10,
        "married_name": 0.3,
    },
}


def _birth(rng: random.Random, year: float) -> dt.date:
    return dt.date(int(year), 1, 1) + dt.timedelta(days=rng.randrange(365))


class Clans(Population):
    """Persons in clans: brothers, their wives and children, in one municipality."""

    def _person(self, rng, given, s1, s2, sex, birth, muni, dept, husband="") -> Person:
        age = (TODAY - birth).days / 365.25
        registered = muni if rng.random() < 0.8 else rng.choice(self.munis[dept])
        cui = gt_names._cui(rng, dept, registered % 100) if age >= 18 and rng.random() < 0.7 else ""
        person = Person(self.next_pid, given, s1, s2, sex, birth, rng.random() < 0.05, cui, muni, husband)
        self.next_pid += 1
        return person

    def clan(self) -> list[Person]:
        rng = self.rng
        dept = rng.choices(self.depts, self.dept_w)[0]
        muni = rng.choice(self.munis[dept])
        mayan = gt_names.MAYAN_SHARE.get(dept, 0.1)
        s1, g2 = self._surname(rng.random() < mayan), self._surname(rng.random() < mayan)
        people: list[Person] = []
        brothers = rng.choices([1, 2, 3], [0.5, 0.3, 0.2])[0]
        year = rng.uniform(1950, 1985)
        used: set[str] = set()
        for _ in range(brothers):
            year += rng.uniform(1.2, 4)
            father_given = self._given("M", used)
            used.add(father_given[0])
            father = self._person(rng, father_given, s1, g2, "M", _birth(rng, year), muni, dept)
            w1, w2 = self._surname(rng.random() < mayan), self._surname(rng.random() < mayan)
            mother_birth = _birth(rng, year + rng.uniform(-2, 6))
            mother = self._person(rng, self._given("F", set()), w1, w2, "F", mother_birth, muni, dept, s1)
            people += [father, mother]
            people += self._children(father, mother, muni, dept)
        return people

    def _children(self, father: Person, mother: Person, muni: int, dept: int) -> list[Person]:
        rng = self.rng
        n = rng.choices([1, 2, 3, 4, 5], [0.2, 0.25, 0.25, 0.15, 0.15])[0]
        year = mother.birth.year + rng.uniform(18, 30)
        used: set[str] = set()
        children: list[Person] = []
        named_after_father = False
        birth = _birth(rng, year)
        for k in range(n):
            twin = k > 0 and rng.random() < 0.04
            if k and not twin:
                birth = birth + dt.timedelta(days=int(rng.uniform(1.1, 4) * 365.25))
            if birth > dt.date(2010, 1, 1):
                break
            sex = "M" if rng.random() < 0.6 else "F"
            if sex == "M" and not named_after_father and rng.random() < 0.3:
                given = list(father.given)  # the son bears his father's full name
                named_after_father = True
            else:
                given = self._given(sex, used | {father.given[0]})
            used.add(given[0])
            husband = ""
            if sex == "F" and (TODAY - birth).days > 20 * 365 and rng.random() < 0.5:
                husband = self._surname(rng.random() < 0.3)
            children.append(self._person(rng, given, father.first_surname, mother.first_surname, sex, birth, muni,
                                         dept, husband))  # fmt: skip
        return children


def _returns(rng: random.Random, person: Person) -> int:
    """How many times a person was deported (0 for most of the old and the young)."""
    age = (TODAY - person.birth).days / 365.25
    share = 0.75 if 18 <= age <= 50 else 0.3 if 15 <= age < 18 or 50 < age <= 65 else 0.0
    return rng.choices(*RECORDS_PER_PERSON)[0] if rng.random() < share else 0


def generate(n_records: int, seed: int, profile: str = "report") -> tuple[list[dict[str, str]], list[int]]:
    """``n_records`` records of clans and, for each, the id of the true person."""
    clans = Clans(seed)
    rng = random.Random(seed * 104729 + 7)
    corruption = PROFILES[profile]
    records: list[dict[str, str]] = []
    truth: list[int] = []
    while len(records) < n_records:
        for person in clans.clan():
            for _ in range(_returns(rng, person)):
                records.append(record_of(rng, person, clans.munis, corruption))
                truth.append(person.pid)
    order = list(range(len(records)))
    rng.shuffle(order)
    order = order[:n_records]
    return [records[k] for k in order], [truth[k] for k in order]
