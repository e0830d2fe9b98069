"""The one way to turn a code given by a user (form, API, import) into a place.

An unknown code is the caller's mistake, never a missing page: every lookup raises a
``ValidationError`` on the named field, which the API answers with 422 and a form shows beside
the field.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from retorno.geo.models import Country, Department, Municipality


def _by_code(model, code, field: str, message: str, lookup: str = "code"):
    if code in (None, ""):
        return None
    row = model.objects.filter(**{lookup: str(code).strip().upper()}).first()
    if row is None:
        raise ValidationError({field: ValidationError(message % {"code": code}, code="unknown_place")})
    return row


def department_by_code(code, field: str = "department") -> Department | None:
    """The department with this INE code; None for a blank code."""
    return _by_code(Department, code, field, _("Unknown department code: %(code)s"))


def municipality_by_code(code, field: str = "municipality") -> Municipality | None:
    """The municipality with this INE code; None for a blank code."""
    return _by_code(Municipality, code, field, _("Unknown municipality code: %(code)s"))


def country_by_code(code, field: str = "country") -> Country | None:
    """The country with this ISO 3166 alpha-2 (or alpha-3) code; None for a blank code."""
    lookup = "alpha3" if len(str(code or "").strip()) == 3 else "alpha2"
    return _by_code(Country, code, field, _("Unknown country code: %(code)s"), lookup)
