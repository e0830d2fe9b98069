"""The registry behind the REST API: /api/v1/people/."""

from datetime import date, datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from retorno.accounts.access import require
from retorno.audit.actions import audit_view
from retorno.audit.queries import accesses_to_person
from retorno.geo.models import Country, Municipality
from retorno.lib.api import StrictSchema
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
    nationality: str | None = Field("GT", max_length=2)
    origin_municipality: str | None = Field(None, max_length=4)
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
    nationality: str | None = Field(None, max_length=2)
    origin_municipality: str | None = Field(None, max_length=4)
    languages: list[Language] | None = None
    people_group: PeopleGroup | None = None
    education: Education | None = None


class SearchIn(StrictSchema):
    query: str = Field(..., min_length=1, max_length=200)


class ContactIn(StrictSchema):
    kind: Contact.Kind
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
    purpose: Consent.Purpose
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
    """Turn ISO and INE codes into rows, with a field-level error when unknown."""
    if data.get("nationality"):
        country = Country.objects.filter(alpha2=data["nationality"].upper()).first()
        if country is None:
            raise HttpError(422, _("Unknown country code: %(code)s") % {"code": data["nationality"]})
        data["nationality"] = country
    if data.get("origin_municipality"):
        municipality = Municipality.objects.filter(code=data["origin_municipality"]).first()
        if municipality is None:
            raise HttpError(422, _("Unknown municipality code: %(code)s") % {"code": data["origin_municipality"]})
        data["origin_municipality"] = municipality
    if "languages" in data and data["languages"] is not None:
        data["languages"] = [str(getattr(lang, "value", lang)) for lang in data["languages"]]
    return data


@router.post("/persons", response={201: PersonOut})
def person_create(request: HttpRequest, payload: PersonIn):
    """Register a new person."""
    require(request.user, "person.create")
    person = actions.person_create(actor=request.user, request=request, **_references(payload.dict()))
    return 201, person


@router.post("/persons/search", response=list[PersonOut])
def person_search_endpoint(request: HttpRequest, payload: SearchIn):
    """Search by name, CUI or other identifier. POST so the terms stay out of URLs and logs."""
    require(request.user, "person.search")
    return person_search(user=request.user, query=payload.query)


@router.get("/persons/{person_id}", response=PersonOut)
def person_detail(request: HttpRequest, person_id: int):
    """A person's identity record; the read is audited."""
    require(request.user, "person.view")
    person = person_get_for(user=request.user, person_id=person_id)
    audit_view(actor=request.user, obj=person, person_id=person.pk, section="identity", request=request)
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
    person = person_get_for(user=request.user, person_id=person_id)
    audit_view(actor=request.user, obj=person, person_id=person.pk, section="contacts", request=request)
    return list(person.contacts.all())


@router.post("/persons/{person_id}/contacts", response={201: ContactOut})
def contact_add(request: HttpRequest, person_id: int, payload: ContactIn):
    require(request.user, "person.edit")
    person = person_get_for(user=request.user, person_id=person_id)
    return 201, actions.contact_add(actor=request.user, person=person, request=request, **payload.dict())


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
    return 201, actions.consent_record(actor=request.user, person=person, request=request, **payload.dict())


@router.get("/persons/{person_id}/accesses", response=list[AccessOut])
def access_list(request: HttpRequest, person_id: int):
    """Who has seen this record (managers)."""
    require(request.user, "audit.view_access")
    person = get_object_or_404(Person, pk=person_id)
    return list(accesses_to_person(person_id=person.pk)[:500])
