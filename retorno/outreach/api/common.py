"""The outreach router and the look-ups its endpoints share (an unknown reference answers 422 naming the field)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from ninja import Router

from retorno.accounts.models import Organisation
from retorno.geo.models import Department, Municipality
from retorno.geo.queries import department_by_code, municipality_by_code

router = Router(tags=["outreach"])


def ref(model: type[models.Model], value, field: str, *, lookup: str = "pk"):
    """The row ``model`` with ``lookup=value`` or None for None; an unknown value is a 422 on ``field``."""
    if value in (None, ""):
        return None
    row = model.objects.filter(**{lookup: value}).first()
    if row is None:
        raise ValidationError({field: _("Unknown value: %(value)s.") % {"value": value}})
    return row


def organisation(value, field: str) -> Organisation | None:
    return ref(Organisation, value, field)


def organisations(values: list[int], field: str) -> list[Organisation]:
    return [ref(Organisation, v, field) for v in values]


def department(code, field: str = "department") -> Department | None:
    return department_by_code(code, field)


def municipality(code, field: str = "municipality") -> Municipality | None:
    return municipality_by_code(code, field)
