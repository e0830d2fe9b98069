"""Reading geography."""

from django.db.models import QuerySet

from retorno.geo.models import Country, Department, Municipality


def municipalities_by_code() -> dict[str, Municipality]:
    return {m.code: m for m in Municipality.objects.select_related("department")}


def department_choices() -> QuerySet[Department]:
    return Department.objects.order_by("code")


def municipality_by_code(code: str) -> Municipality | None:
    return Municipality.objects.select_related("department").filter(code=code).first()


def country_by_code(alpha2: str) -> Country | None:
    return Country.objects.filter(alpha2=alpha2.upper()).first()
