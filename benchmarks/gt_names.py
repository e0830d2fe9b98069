"""Synthetic Guatemalan returnee records with a documented corruption model.

Persons are drawn in families (siblings share both surnames and the
municipality of origin: the hardest non-matches), with Spanish and Mayan names
whose frequencies follow a Zipf-like curve (López common, Xitumul rare) and a
Mayan share that depends on the department: the product's one set of name lists,
``retorno/people/names.py``, which the demo data draws from too. Each person returns one to five
times; each return is a record typed anew by a clerk, corrupted independently
from the truth. ``CORRUPTION`` lists every corruption and its probability; the
README beside this file explains them.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from retorno.people.names import (
    DEPARTMENT_WEIGHT,
    FEMALE_NAMES,
    MALE_NAMES,
    MAYAN_SHARE,
    MAYAN_SURNAMES,
    PARTICLE_SURNAMES,
    SPANISH_SURNAMES,
    ZIPF_EXPONENT,
    zipf,
)

GEO_CSV = Path(__file__).resolve().parent.parent / "retorno" / "geo" / "data" / "gt_municipalities_ine.csv"

# Probabilities of each corruption, per record (per name part where noted).
CORRUPTION = {
    "accents_dropped": 0.6,  # whole record typed without accents
    "upper_case": 0.3,  # whole record in capitals
    "given_second_dropped": 0.15,  # "José Luis" -> "José"
    "given_order_swapped": 0.02,  # "José Luis" -> "Luis José"
    "spelling_variant": 0.08,  # per name part: b/v, s/z/c, ll/y, h, qu/k/c, x/ch/j/s, ñ/n, ez/es, tz/z
    "typo": 0.04,  # per name part: one keyboard slip (substitute, drop, double, transpose)
    "second_surname_missing": 0.12,
    "surnames_swapped": 0.02,
    "both_surnames_in_first": 0.04,  # "Xicará Tzul" typed in the first-surname box
    "particle_variant": 0.3,  # "de León" -> "De Leon" / "Deleon" / "León"
    "birth_day_month_swapped": 0.04,  # only when the day is 12 or less
    "birth_year_off_by_one": 0.03,
    "birth_day_or_month_wrong": 0.03,
    "birth_year_only": 0.04,
    "birth_year_month_only": 0.01,
    "birth_missing": 0.04,
    "sex_missing": 0.02,
    "sex_wrong": 0.005,
    "cui_recorded": 0.55,  # of persons who have a CUI (70% do)
    "cui_typo": 0.03,  # one digit wrong (80%) or two adjacent digits swapped (20%)
    "municipality_missing": 0.10,
    "municipality_other_in_department": 0.06,
    # Off in this generator's own setting; the family-aware sets (gt_families) turn them on.
    "thin_record": 0.0,  # second given name and second surname both dropped
    "birth_jan_first": 0.0,  # an unknown day and month typed as 01-01
    "department_other": 0.0,  # another department (and a municipality of it) recorded
    "married_name": 0.0,  # a married woman's record adds "de" + her husband's surname
}

_VARIANTS = [
    (r"v", "b"),
    (r"b", "v"),
    (r"z", "s"),
    (r"s(?=[aeiou])", "z"),
    (r"c(?=[ei])", "s"),
    (r"s(?=[ei])", "c"),
    (r"ll", "y"),
    (r"y(?=[aeiou])", "ll"),
    (r"^h", ""),
    (r"^(?=[aeiou])", "h"),
    (r"qu", "k"),
    (r"c(?=[aou])", "k"),
    (r"k", "c"),
    (r"x", "ch"),
    (r"ch", "x"),
    (r"x", "j"),
    (r"j", "x"),
    (r"x", "s"),
    (r"ñ", "n"),
    (r"ez$", "es"),
    (r"es$", "ez"),
    (r"tz", "z"),
    (r"gu(?=[ei])", "g"),
    (r"á", "a"),
]
_KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


@dataclass
class Person:
    pid: int
    given: list[str]
    first_surname: str
    second_surname: str
    sex: str
    birth: dt.date
    birth_year_only: bool
    cui: str
    municipality: int
    husband_surname: str = ""


def _municipalities() -> dict[int, list[int]]:
    """Municipality codes per department, from the shipped INE list."""
    per_dept: dict[int, list[int]] = {}
    with open(GEO_CSV, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            per_dept.setdefault(int(row["codigo_depto"]), []).append(int(row["codigo_muni"]))
    return per_dept


def _cui(rng: random.Random, dept: int, muni_in_dept: int) -> str:
    while True:
        correlative = f"{rng.randrange(10**8):08d}"
        total = sum(int(d) * w for d, w in zip(correlative, range(2, 10), strict=False))
        if total % 11 != 10:
            return f"{correlative}{total % 11}{dept:02d}{muni_in_dept:02d}"


class Population:
    """Draws persons in families; deterministic for a given seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.munis = _municipalities()
        self.depts = list(DEPARTMENT_WEIGHT)
        self.dept_w = [DEPARTMENT_WEIGHT[d] for d in self.depts]
        self.sp_w = zipf(SPANISH_SURNAMES, ZIPF_EXPONENT["spanish_surnames"])
        self.my_w = zipf(MAYAN_SURNAMES, ZIPF_EXPONENT["mayan_surnames"])
        self.male_w = zipf(MALE_NAMES, ZIPF_EXPONENT["given_names"])
        self.female_w = zipf(FEMALE_NAMES, ZIPF_EXPONENT["given_names"])
        self.next_pid = 0

    def _surname(self, mayan: bool) -> str:
        rng = self.rng
        if mayan:
            return rng.choices(MAYAN_SURNAMES, self.my_w)[0]
        if rng.random() < 0.03:
            return rng.choice(PARTICLE_SURNAMES)
        return rng.choices(SPANISH_SURNAMES, self.sp_w)[0]

    def _given(self, sex: str, avoid: set[str]) -> list[str]:
        """Given names; siblings (``avoid``) never share the first one."""
        rng = self.rng
        names, weights = (MALE_NAMES, self.male_w) if sex == "M" else (FEMALE_NAMES, self.female_w)
        count = rng.choices([1, 2, 3], [0.35, 0.6, 0.05])[0]
        chosen: list[str] = []
        while len(chosen) < count:
            name = rng.choices(names, weights)[0]
            if name not in chosen and (chosen or name not in avoid):
                chosen.append(name)
        return chosen

    def family(self) -> list[Person]:
        """One to four siblings: same surnames, same municipality, different given names."""
        rng = self.rng
        dept = rng.choices(self.depts, self.dept_w)[0]
        muni = rng.choice(self.munis[dept])
        mayan_share = MAYAN_SHARE.get(dept, 0.1)
        s1 = self._surname(rng.random() < mayan_share)
        s2 = self._surname(rng.random() < mayan_share)
        size = rng.choices([1, 2, 3, 4], [0.5, 0.25, 0.15, 0.1])[0]
        # Siblings are born at least a year apart, except twins (2%).
        age = rng.triangular(18, 50, 27) if rng.random() < 0.88 else rng.uniform(8, 17.9)
        birth = dt.date(2025, 6, 30) - dt.timedelta(days=int(age * 365.25))
        people, used = [], set()
        for k in range(size):
            sex = "M" if rng.random() < 0.78 else "F"
            given = self._given(sex, used)
            used.add(given[0])
            if k and rng.random() >= 0.02:
                birth = birth + dt.timedelta(days=int(rng.uniform(1.1, 4) * 365.25)) * rng.choice([-1, 1])
            age = (dt.date(2025, 6, 30) - birth).days / 365.25
            has_cui = age >= 18 and rng.random() < 0.7
            registered = muni if rng.random() < 0.8 else rng.choice(self.munis[dept])
            cui = _cui(rng, dept, registered % 100) if has_cui else ""
            people.append(Person(self.next_pid, given, s1, s2, sex, birth, rng.random() < 0.05, cui, muni))
            self.next_pid += 1
        return people


def _strip_accents(text: str) -> str:
    kept = []
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def _spelling_variant(rng: random.Random, word: str) -> str:
    import re

    lower = word.lower()
    options = [(p, r) for p, r in _VARIANTS if re.search(p, lower)]
    if not options:
        return word
    pattern, repl = rng.choice(options)
    matches = list(re.finditer(pattern, lower))
    m = rng.choice(matches)
    changed = lower[: m.start()] + repl + lower[m.end() :]
    return changed[:1].upper() + changed[1:] if changed else word


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word))
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + rng.choice(_KEYBOARD) + word[i + 1 :]
    if kind < 0.65:
        return word[:i] + word[i + 1 :]
    if kind < 0.85:
        return word[:i] + word[i] + word[i:]
    if i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def _name_noise(rng: random.Random, word: str, c: dict | None = None) -> str:
    c = c or CORRUPTION
    if rng.random() < c["spelling_variant"]:
        word = _spelling_variant(rng, word)
    if rng.random() < c["typo"]:
        word = _typo(rng, word)
    return word


def _particle_noise(rng: random.Random, surname: str, c: dict | None = None) -> str:
    if " " not in surname or rng.random() >= (c or CORRUPTION)["particle_variant"]:
        return surname
    core = surname.split()[-1]
    return rng.choice([surname.title(), surname.replace(" ", ""), core, surname.lower()])


def _birth_noise(rng: random.Random, person: Person, c: dict | None = None) -> str:
    c = c or CORRUPTION
    b = person.birth
    if rng.random() < c["birth_missing"]:
        return ""
    if person.birth_year_only:
        return f"{b.year:04d}"
    y, m, d = b.year, b.month, b.day
    r = rng.random()
    if r < c["birth_year_only"]:
        return f"{y:04d}"
    r -= c["birth_year_only"]
    if r < c["birth_year_month_only"]:
        return f"{y:04d}-{m:02d}"
    if rng.random() < c.get("birth_jan_first", 0.0):
        return f"{y:04d}-01-01"
    if rng.random() < c["birth_day_month_swapped"] and d <= 12 and d != m:
        m, d = d, m
    if rng.random() < c["birth_year_off_by_one"]:
        y += rng.choice([-1, 1])
    if rng.random() < c["birth_day_or_month_wrong"]:
        if rng.random() < 0.5:
            d = rng.randint(1, 28)
        else:
            m = rng.randint(1, 12)
    return f"{y:04d}-{m:02d}-{d:02d}"


def _cui_noise(rng: random.Random, cui: str, c: dict | None = None) -> str:
    c = c or CORRUPTION
    if not cui or rng.random() >= c["cui_recorded"]:
        return ""
    if rng.random() < c["cui_typo"]:
        digits = list(cui)
        i = rng.randrange(12)
        if rng.random() < 0.8:
            digits[i] = rng.choice([d for d in "0123456789" if d != digits[i]])
        else:
            digits[i], digits[i + 1] = digits[i + 1], digits[i]
        cui = "".join(digits)
    return cui


def record_of(
    rng: random.Random, person: Person, munis: dict[int, list[int]], corruption: dict | None = None
) -> dict[str, str]:
    """One clerk's record of ``person``, corrupted as ``corruption`` (default ``CORRUPTION``) says."""
    c = corruption or CORRUPTION
    given = list(person.given)
    thin = rng.random() < c.get("thin_record", 0.0)
    if len(given) > 1 and (thin or rng.random() < c["given_second_dropped"]):
        given = given[:1]
    if len(given) > 1 and rng.random() < c["given_order_swapped"]:
        given[0], given[1] = given[1], given[0]
    given = [_name_noise(rng, g, c) for g in given]
    s1 = _name_noise(rng, _particle_noise(rng, person.first_surname, c), c)
    s2 = _name_noise(rng, _particle_noise(rng, person.second_surname, c), c)
    if person.husband_surname and rng.random() < c.get("married_name", 0.0):
        husband = _name_noise(rng, person.husband_surname, c)
        # "García de Pérez" in the second-surname box, or "de Pérez" instead of it.
        s2 = f"{s2} de {husband}" if rng.random() < 0.6 else f"de {husband}"
    if thin or rng.random() < c["second_surname_missing"]:
        s2 = ""
    elif rng.random() < c["surnames_swapped"]:
        s1, s2 = s2, s1
    elif rng.random() < c["both_surnames_in_first"]:
        s1, s2 = f"{s1} {s2}", ""
    sex = person.sex
    if rng.random() < c["sex_missing"]:
        sex = ""
    elif rng.random() < c["sex_wrong"]:
        sex = "F" if sex == "M" else "M"
    muni = person.municipality
    dept = muni // 100
    if rng.random() < c.get("department_other", 0.0):
        dept = rng.choice([d for d in munis if d != dept])
        muni = rng.choice(munis[dept])
    elif rng.random() < c["municipality_other_in_department"]:
        muni = rng.choice(munis[dept])
    muni_text, dept_text = f"{muni:04d}", f"{dept:02d}"
    if rng.random() < c["municipality_missing"]:
        muni_text = ""
        dept_text = dept_text if rng.random() < 0.5 else ""
    record = {
        "given_names": " ".join(given),
        "first_surname": s1,
        "second_surname": s2,
        "sex": sex,
        "birth_date": _birth_noise(rng, person, c),
        "cui": _cui_noise(rng, person.cui, c),
        "department": dept_text,
        "municipality": muni_text,
    }
    if rng.random() < c["accents_dropped"]:
        for k in ("given_names", "first_surname", "second_surname"):
            record[k] = _strip_accents(record[k])
    if rng.random() < c["upper_case"]:
        for k in ("given_names", "first_surname", "second_surname"):
            record[k] = record[k].upper()
    return record


RECORDS_PER_PERSON = ([1, 2, 3, 4, 5], [0.55, 0.25, 0.12, 0.05, 0.03])


def generate(n_records: int, seed: int) -> tuple[list[dict[str, str]], list[int]]:
    """``n_records`` records and, for each, the id of the true person."""
    population = Population(seed)
    rng = random.Random(seed * 7919 + 1)
    records: list[dict[str, str]] = []
    truth: list[int] = []
    while len(records) < n_records:
        for person in population.family():
            copies = rng.choices(*RECORDS_PER_PERSON)[0]
            for _ in range(copies):
                records.append(record_of(rng, person, population.munis))
                truth.append(person.pid)
    # Shuffle so that duplicates are not neighbours in the file.
    order = list(range(len(records)))
    rng.shuffle(order)
    order = order[:n_records]
    return [records[k] for k in order], [truth[k] for k in order]


def write_csv(path: str | Path, records: list[dict[str, str]], prefix: str = "r") -> list[str]:
    """Write INPUT.csv; returns the record ids (``prefix`` + row number)."""
    fields = ["record_id", "given_names", "first_surname", "second_surname", "sex", "birth_date", "cui"]
    fields += ["department", "municipality"]
    extra = [k for k in ("other_id", "address", "birth_date_precision") if records and k in records[0]]
    ids = [f"{prefix}{k}" for k in range(len(records))]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(fields + extra)
        for rid, rec in zip(ids, records, strict=False):
            writer.writerow([rid, *(rec.get(k, "") for k in fields[1:] + extra)])
    return ids
