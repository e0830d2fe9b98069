"""Export of victim cases in the Human Trafficking Case Data Standard 2.0 (HTCDS).

Column names are the standard's "Field Name including Prefix" exactly; multiselect values
are joined with ";" in CSV and are lists in JSON. The field list ships with the app
(``htcds/htcds_fields_v2_Field_Standards.csv``, CC BY 4.0) so the export can be checked.
"""

import csv
import io
from pathlib import Path

from retorno.people.models import Sex
from retorno.protection import protocol
from retorno.protection.models import CaseKind, Identification, ProtectionCase

STANDARD_CSV = Path(__file__).parent / "htcds" / "htcds_fields_v2_Field_Standards.csv"

COLUMNS = (
    "prs_FirstName",
    "prs_SecondName",
    "prs_Birthdate",
    "prs_Gender",
    "prs_Citizenship",
    "prs_PrimaryLanguage",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_MethodOfRecruitment",
    "vic_MethodsOfControl",
    "vic_TypeOfExploitation",
    "cas_Status",
    "cas_CaseOwner",
    "cas_IncomingReferralDate",
    "cas_ReferredOrganisation",
    "cas_OutgoingReferralDate",
    "spl_Type",
    "con_Consent",
)
MULTI = {"prs_Citizenship", "vic_MethodOfRecruitment", "vic_MethodsOfControl", "vic_TypeOfExploitation", "spl_Type"}

GENDER = {Sex.FEMALE: "Feminine", Sex.MALE: "Masculine", Sex.UNKNOWN: "NonSpecifiedUnknown"}
TRAFFICKING_STATUS = {
    Identification.Result.NONE: "NotAVictimOfTrafficking",
    Identification.Result.POSSIBLE: "PossibleVictimOfTrafficking",
    Identification.Result.PROBABLE: "PossibleVictimOfTrafficking",
    Identification.Result.CONFIRMED: "ActualVictimOfTrafficking",
}
ISO639_2 = {"es": "spa", "en": "eng", "quc": "quc", "mam": "mam", "kek": "kek", "cak": "cak"}


def standard_field_names() -> set[str]:
    """Every field name in the HTCDS 2.0 field list (column "Field Name including Prefix")."""
    with STANDARD_CSV.open(newline="", encoding="utf-8") as handle:
        return {(row.get("Field Name including Prefix") or "").strip() for row in csv.DictReader(handle)} - {"", "N/A"}


def victim_cases(cases) -> list[ProtectionCase]:
    return list(
        cases.filter(kind=CaseKind.TRAFFICKING)
        .select_related("person__nationality", "referral")
        .prefetch_related("identifications", "assignments__user", "shelter_referrals__organisation", "support_services")
        .order_by("id")
    )


def case_row(case: ProtectionCase) -> dict:
    person = case.person
    concluded = [i for i in case.identifications.all() if i.result != Identification.Result.PENDING]
    latest = max(concluded, key=lambda i: (i.decided_at, i.pk)) if concluded else None
    values = protocol.htcds_values(latest.answers) if latest else {}
    owner = next((a.user for a in case.assignments.all() if a.ended_at is None), None)
    shelter = max(case.shelter_referrals.all(), key=lambda r: (r.referred_at, r.pk), default=None)
    from retorno.people.queries import has_consent

    return {
        "prs_FirstName": person.given_names,
        "prs_SecondName": " ".join(p for p in (person.first_surname, person.second_surname) if p),
        "prs_Birthdate": person.birth_date.isoformat() if person.birth_date else "",
        "prs_Gender": GENDER.get(person.sex, "NonSpecifiedUnknown"),
        "prs_Citizenship": [person.nationality.alpha2] if person.nationality_id else [],
        "prs_PrimaryLanguage": ISO639_2.get(person.languages[0], person.languages[0]) if person.languages else "",
        "vic_TraffickingStatus": TRAFFICKING_STATUS.get(latest.result, "") if latest else "",
        "vic_TraffickingStatusDecisionMakingOrg": (latest.authority or "NGO") if latest else "",
        "vic_MethodOfRecruitment": values.get("vic_MethodOfRecruitment", []),
        "vic_MethodsOfControl": values.get("vic_MethodsOfControl", []),
        "vic_TypeOfExploitation": values.get("vic_TypeOfExploitation", []),
        "cas_Status": case.status,
        "cas_CaseOwner": owner.username if owner else "",
        "cas_IncomingReferralDate": case.referral.received_at.date().isoformat()
        if case.referral_id
        else case.opened_at.date().isoformat(),
        "cas_ReferredOrganisation": shelter.organisation.name if shelter else "",
        "cas_OutgoingReferralDate": shelter.referred_at.date().isoformat() if shelter else "",
        "spl_Type": sorted({s.type for s in case.support_services.all()}),
        "con_Consent": has_consent(person=person, purpose="protection", sealed=True),
    }


def as_json(rows: list[dict]) -> list[dict]:
    return rows


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: ";".join(v) if k in MULTI else ("true" if v is True else "false" if v is False else v)
                for k, v in row.items()
            }
        )
    return out.getvalue()
