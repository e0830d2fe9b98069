"""The registry behind the REST API: /api/v1/people/."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from retorno.accounts.access import require
from retorno.audit.queries import accesses_to_person
from retorno.geo.queries import country_by_code, municipality_by_code
from retorno.lib.api import COUNTRY_CODE, MUNICIPALITY_CODE, StrictSchema, choice
from retorno.people import actions
from retorno.people.models import Consent, Contact, DatePrecision, Education, Language, PeopleGroup, Person, Sex
from retorno.people.queries import consents_in_force, person_get_for, person_search

router = Router(tags=["people"])


class PersonOut(Schema):
    id: int
    given_names: str
    first_surname: str
    second_surname: str
    sex: Sex
    birth_date: date | None
    birth_date_precision: DatePrecision
    cui: str
    cui_warning: str | None = Field(None, description="Why the CUI fails the check rule, if it does.")
    nationality: str | None = Field(None, description="ISO 3166 alpha-2")
    origin_municipality: str | None = Field(None, description="INE code, 4 digits")
    languages: list[str]
    people_group: PeopleGroup
    education: Education
    created_at: datetime

    @staticmethod
    def resolve_cui_warning(obj: Person) -> str | None:
        return obj.cui_problem

    @staticmethod
    def resolve_nationality(obj: Person) -> str | None:
        return obj.nationality.alpha2 if obj.nationality_id else None

    @staticmethod
    def resolve_origin_municipality(obj: Person) -> str | None:
        return obj.origin_municipality.code if obj.origin_municipality_id else None


class PersonIn(StrictSchema):
    given_names: str = Field(..., min_length=1, max_length=120)
    first_surname: str = Field(..., min_length=1, max_length=80)
    second_surname: str = Field("", max_length=80)
    sex: Sex = Sex.UNKNOWN
    birth_date: date | None = None
    birth_date_precision: DatePrecision = DatePrecision.EXACT
    cui: str = Field("", max_length=20)
    nationality: str | None = Field("GT", pattern=COUNTRY_CODE, description="ISO 3166 alpha-2")
    origin_municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    languages: list[Language] = []
    people_group: PeopleGroup = PeopleGroup.NOT_STATED
    education: Education = Education.UNKNOWN


class PersonPatch(StrictSchema):
    given_names: str | None = Field(None, min_length=1, max_length=120)
    first_surname: str | None = Field(None, min_length=1, max_length=80)
    second_surname: str | None = Field(None, max_length=80)
    sex: Sex | None = None
    birth_date: date | None = None
    birth_date_precision: DatePrecision | None = None
    cui: str | None = Field(None, max_length=20)
    nationality: str | None = Field(None, pattern=COUNTRY_CODE, description="ISO 3166 alpha-2")
    origin_municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    languages: list[Language] | None = None
    people_group: PeopleGroup | None = None
    education: Education | None = None


class SearchIn(StrictSchema):
    query: str = Field(..., min_length=1, max_length=200)


class ContactIn(StrictSchema):
    kind: choice(Contact.Kind)
    value: str = Field(..., min_length=1, max_length=200)
    where: Contact.Where = Contact.Where.GUATEMALA
    label: str = Field("", max_length=120)


class ContactOut(Schema):
    id: int
    kind: str
    value: str
    where: str
    label: str


class ConsentIn(StrictSchema):
    purpose: choice(Consent.Purpose)
    given: bool
    given_by: Consent.GivenBy = Consent.GivenBy.SELF
    guardian_name: str = Field("", max_length=200)
    note: str = Field("", max_length=500)


class ConsentOut(Schema):
    id: int
    purpose: str
    given: bool
    given_by: str
    guardian_name: str
    at: datetime
    recorded_by: str

    @staticmethod
    def resolve_recorded_by(obj: Consent) -> str:
        return obj.recorded_by.username


class AccessOut(Schema):
    at: datetime
    username: str = Field(..., alias="actor_username")
    kind: str
    action: str
    section: str
    reason: str
    ip_address: str | None


def _references(data: dict) -> dict:
    """Turn ISO and INE codes into rows through geo.queries (an unknown code is a 422 that names it)."""
    for code in ("nationality", "origin_municipality"):
        if code in data and not data[code]:
            data[code] = None  # blank means none, as the document says
    try:
        if data.get("nationality"):
            data["nationality"] = country_by_code(data["nationality"], field="nationality")
        if data.get("origin_municipality"):
            data["origin_municipality"] = municipality_by_code(data["origin_municipality"], field="origin_municipality")
    except ValidationError as unknown:  # this endpoint has always named the unknown code in ``detail``
        raise HttpError(422, " ".join(unknown.messages)) from None
    if "languages" in data and data["languages"] is not None:
        data["languages"] = [str(getattr(lang, "value", lang)) for lang in data["languages"]]
    return data


@router.post("/persons", response={201: PersonOut})
def person_create(request: HttpRequest, payload: PersonIn):
    """Register a new person."""
    require(request.user, "person.create")
    person = actions.person_create(actor=request.user, request=request, **_references(payload.dict()))
    return Status(201, person)


@router.post("/persons/search", response=list[PersonOut])
def person_search_endpoint(request: HttpRequest, payload: SearchIn):
    """Search by name, CUI or other identifier. POST so the terms stay out of URLs and logs."""
    require(request.user, "person.search")
    return person_search(user=request.user, query=payload.query)


@router.get("/persons/{person_id}", response=PersonOut)
def person_detail(request: HttpRequest, person_id: int):
    """A person's identity record; the read is audited."""
    require(request.user, "person.view")
    person = person_get_for(user=request.user, person_id=person_id, section="identity", request=request)
    return person


@router.patch("/persons/{person_id}", response=PersonOut)
def person_update(request: HttpRequest, person_id: int, payload: PersonPatch):
    """Change identity fields; only the fields sent are changed."""
    require(request.user, "person.edit")
    person = person_get_for(user=request.user, person_id=person_id)
    fields = _references(payload.dict(exclude_unset=True))
    return actions.person_update(actor=request.user, person=person, request=request, **fields)


@router.get("/persons/{person_id}/contacts", response=list[ContactOut])
def contact_list(request: HttpRequest, person_id: int):
    require(request.user, "person.view")
    person = person_get_for(user=request.user, person_id=person_id, section="contacts", request=request)
    return list(person.contacts.all())


@router.post("/persons/{person_id}/contacts", response={201: ContactOut})
def contact_add(request: HttpRequest, person_id: int, payload: ContactIn):
    require(request.user, "person.edit")
    person = person_get_for(user=request.user, person_id=person_id)
    return Status(201, actions.contact_add(actor=request.user, person=person, request=request, **payload.dict()))


@router.get("/persons/{person_id}/consents", response=list[ConsentOut])
def consent_list(request: HttpRequest, person_id: int):
    """Consent decisions in force, one per purpose."""
    require(request.user, "person.view")
    person = person_get_for(user=request.user, person_id=person_id)
    return list(consents_in_force(person=person).values())


@router.post("/persons/{person_id}/consents", response={201: ConsentOut})
def consent_add(request: HttpRequest, person_id: int, payload: ConsentIn):
    require(request.user, "consent.record")
    person = person_get_for(user=request.user, person_id=person_id)
    return Status(201, actions.consent_record(actor=request.user, person=person, request=request, **payload.dict()))


@router.get("/persons/{person_id}/accesses", response=list[AccessOut])
def access_list(request: HttpRequest, person_id: int):
    """Who has seen this record (managers)."""
    require(request.user, "audit.view_access")
    person = get_object_or_404(Person, pk=person_id)
    return list(accesses_to_person(person_id=person.pk)[:500])


# --- Identity matching --------------------------------------------------------------------


class CandidatesIn(StrictSchema):
    """A record to look up: the fields of a person, as typed (POST: names stay out of URLs)."""

    given_names: str = Field("", max_length=120)
    first_surname: str = Field("", max_length=80)
    second_surname: str = Field("", max_length=80)
    sex: Sex = Sex.UNKNOWN
    birth_date: date | None = None
    cui: str = Field("", max_length=20)
    origin_municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="INE code, 4 digits")
    other_id: str = Field("", max_length=40, description="A passport, A-number or other document number")
    limit: int = Field(5, ge=1, le=20)


class ReasonOut(Schema):
    code: str
    text: str
    for_match: bool


class CandidateOut(Schema):
    person: PersonOut
    probability: float
    reasons: list[ReasonOut]
    explanation: str


class PairOut(Schema):
    id: int
    person_a: PersonOut
    person_b: PersonOut
    probability: float
    band: str
    status: str
    source: str
    reasons: list[ReasonOut]
    arrivals_a: int | None = None
    arrivals_b: int | None = None

    @staticmethod
    def resolve_reasons(obj) -> list[dict]:
        from retorno.people.match_reasons import reasons_list

        return reasons_list(obj.reasons)


class MergeIn(StrictSchema):
    keep: int = Field(..., description="id of the record to keep (one of the pair)")


class MergeOut(Schema):
    id: int
    kept: int = Field(..., alias="kept_id")
    merged: int = Field(..., alias="merged_id")
    moved: list
    stayed: list
    unmerged_at: datetime | None


@router.post("/candidates", response=list[CandidateOut])
def candidates(request: HttpRequest, payload: CandidatesIn):
    """Who in the registry may this record be? Most likely first, with the reasons in words."""
    from retorno.people.identity import likely_matches, manifest_record

    require(request.user, "person.search")
    values = payload.dict()
    limit = values.pop("limit")
    values["birth_date"] = values["birth_date"].isoformat() if values["birth_date"] else ""
    values["origin_municipality__code"] = values.pop("origin_municipality") or ""
    record = manifest_record(values)
    record["other_id"] = values["other_id"]
    return likely_matches(record, limit=limit)


@router.get("/duplicates", response=list[PairOut])
def duplicate_list(request: HttpRequest, band: str | None = None, status: str = "open"):
    """The review queue: candidate pairs, most likely first (at most 200)."""
    from retorno.people.queries import match_pairs_for_review

    require(request.user, "person.review_matches")
    return list(match_pairs_for_review(user=request.user, status=status, band=band)[:200])


@router.get("/duplicates/{pair_id}", response=PairOut)
def duplicate_detail(request: HttpRequest, pair_id: int):
    """One pair with both records and their arrivals; the reads are audited."""
    from retorno.people.queries import match_pair_get_for, person_return_count

    require(request.user, "person.review_matches")
    pair = match_pair_get_for(user=request.user, pair_id=pair_id, section="match_review", request=request)
    pair.arrivals_a = person_return_count(person=pair.person_a)
    pair.arrivals_b = person_return_count(person=pair.person_b)
    return pair


@router.post("/duplicates/{pair_id}/merge", response={201: MergeOut})
def duplicate_merge(request: HttpRequest, pair_id: int, payload: MergeIn):
    """Merge the pair into the record named by ``keep`` (managers)."""
    from retorno.people.match_actions import person_merge
    from retorno.people.queries import match_pair_get_for

    require(request.user, "person.merge")
    pair = match_pair_get_for(user=request.user, pair_id=pair_id)
    if payload.keep not in (pair.person_a_id, pair.person_b_id):
        raise HttpError(422, _("Keep one of the two records of the pair."))
    keep, other = (pair.person_a, pair.person_b) if payload.keep == pair.person_a_id else (pair.person_b, pair.person_a)
    return Status(201, person_merge(actor=request.user, keep=keep, merge=other, pair=pair, request=request))


@router.post("/duplicates/{pair_id}/not-same", response={204: None})
def duplicate_not_same(request: HttpRequest, pair_id: int):
    """Remember that the two records are different people; never proposed again."""
    from retorno.people.match_actions import not_same_record
    from retorno.people.queries import match_pair_get_for

    require(request.user, "person.review_matches")
    pair = match_pair_get_for(user=request.user, pair_id=pair_id)
    not_same_record(actor=request.user, a=pair.person_a, b=pair.person_b, request=request)
    return Status(204, None)


@router.post("/merges/{merge_id}/unmerge", response=MergeOut)
def merge_undo(request: HttpRequest, merge_id: int):
    """Undo a merge: the rows it moved go back (managers)."""
    from retorno.people.match_actions import person_unmerge
    from retorno.people.models import PersonMerge

    require(request.user, "person.merge")
    record = get_object_or_404(PersonMerge, pk=merge_id)
    return person_unmerge(actor=request.user, merge=record, request=request)
