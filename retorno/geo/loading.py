"""Loading the shipped reference files into the geo tables (idempotent)."""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load_reference(country_model, department_model, municipality_model) -> dict[str, int]:
    """Create or update every country, department and municipality; returns counts.

    Takes the models as arguments so a data migration can pass its historical models.
    """
    with open(DATA / "iso3166_countries.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            country_model.objects.update_or_create(
                alpha2=row["alpha2"],
                defaults={k: row[k] for k in ("alpha3", "numeric", "name_en", "name_es")},
            )
    departments = {}
    with open(DATA / "gt_municipalities_ine.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        code = f"{int(row['codigo_depto']):02d}"
        if code not in departments:
            departments[code], _ = department_model.objects.update_or_create(
                code=code, defaults={"name": row["departamento"]}
            )
    for row in rows:
        municipality_model.objects.update_or_create(
            code=f"{int(row['codigo_muni']):04d}",
            defaults={"name": row["municipio"], "department": departments[f"{int(row['codigo_depto']):02d}"]},
        )
    return {
        "countries": country_model.objects.count(),
        "departments": department_model.objects.count(),
        "municipalities": municipality_model.objects.count(),
    }
