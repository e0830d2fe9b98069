"""Shared pieces of the REST API: strict schemas and error answers (authentication is accounts.api_auth).

Every error answers JSON ``{"detail": ...}``; validation errors list each field with
its reason in the caller's language (Accept-Language or the session's choice).
"""

import datetime
import enum
import re
import typing
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination
from pydantic import ConfigDict, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Codes as the document describes them (blank means "none": geo.queries answers None for "").
# INE: 22 departments, "01" to "22"; a municipality is its department's code and its own number
# in it ("1215": the 15th of department 12; no department has more than 33). That the code is in
# the INE list the database holds is checked by geo.queries (a 422 naming the code).
_INE_DEPARTMENT = r"(0[1-9]|1[0-9]|2[0-2])"
DEPARTMENT_CODE = rf"^{_INE_DEPARTMENT}?$"  # INE department, e.g. "09"
MUNICIPALITY_CODE = rf"^({_INE_DEPARTMENT}(0[1-9]|[1-3][0-9]))?$"  # INE municipality, e.g. "1215"
COUNTRY_CODE = r"^([A-Za-z]{2})?$"  # ISO 3166 alpha-2, e.g. "GT"
CURRENCY_CODE = r"^[A-Za-z]{3}$"  # ISO 4217, e.g. "GTQ"
# An e-mail address Django's EmailValidator accepts (a subset: dot-atom local part, a domain of
# letter-digit labels and a TLD of letters), or blank.
_EMAIL_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_ADDRESS = rf"^([A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@({_EMAIL_LABEL}\.)+[A-Za-z]{{2,63}})?$"


def choice(choices: type[enum.Enum]):
    """An enum field documented with its own values, inline. (Django Ninja names an enum's component
    after its class, so two apps' ``Status`` or ``Kind`` would share one component and the document
    would list the other's values.) The field still holds the enum member."""
    values = [member.value for member in choices]
    kind = "integer" if all(isinstance(v, int) for v in values) else "string"
    return typing.Annotated[choices, WithJsonSchema({"type": kind, "enum": values})]


def amount(*, max_digits: int, decimal_places: int, gt: int | None = None, ge: int | None = None):
    """A Decimal field type whose document says what it takes: a whole number, or decimal text
    with at most ``decimal_places`` decimals ("12.50"), within the digits and the bound (``gt=0`` or
    ``ge=0``). Pydantic alone documents "a number or any string"; what it validates is unchanged."""
    whole = max_digits - decimal_places
    fraction = rf"(\.[0-9]{{1,{decimal_places}}})?" if decimal_places else ""
    if gt == 0:
        below_one = "|".join(rf"0\.{'0' * k}[1-9][0-9]{{0,{decimal_places - k - 1}}}" for k in range(decimal_places))
        pattern = rf"^([1-9][0-9]{{0,{whole - 1}}}{fraction}|{below_one})$"
    else:
        pattern = rf"^(0|[1-9][0-9]{{0,{whole - 1}}}){fraction}$"
    document = {
        "anyOf": [
            {"type": "integer", "minimum": 1 if gt == 0 else 0, "maximum": 10**whole - 1},
            {"type": "string", "pattern": pattern},
        ]
    }
    return typing.Annotated[
        Decimal,
        Field(gt=gt, ge=ge, max_digits=max_digits, decimal_places=decimal_places),
        WithJsonSchema(document, mode="validation"),
    ]


def _kinds(annotation) -> set[type]:
    """The plain types inside an annotation (``date | None`` -> {date, NoneType})."""
    args = typing.get_args(annotation)
    if not args:
        return {annotation} if isinstance(annotation, type) else set()
    return set().union(*(_kinds(a) for a in args))


class StrictSchema(Schema):
    """Input schema that refuses fields it does not know, and takes dates and flags only as the
    document describes them: a date is ISO text ("2026-03-02", never a number of seconds), a flag
    is true or false (never 0, 1 or "yes")."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _as_documented(cls, value, info):
        field = cls.model_fields.get(info.field_name)
        if field is None or value is None:
            return value
        kinds = _kinds(field.annotation)
        if kinds & {datetime.date, datetime.datetime} and not (
            isinstance(value, datetime.date) or (isinstance(value, str) and ISO_DATE.match(value))
        ):
            raise PydanticCustomError("date_type", "Input should be a valid date")
        if bool in kinds and not isinstance(value, bool) and not kinds & {int, str, float}:
            raise PydanticCustomError("bool_type", "Input should be a valid boolean")
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _local_times(cls, value):
        # Times of day are local wall-clock times (the programme's time zone), never with an offset.
        if isinstance(value, datetime.time) and value.tzinfo is not None:
            raise PydanticCustomError("time_type", "Input should be a local time without a UTC offset")
        return value


def _message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    messages = {
        "missing": _("This field is required."),
        "extra_forbidden": _("Unknown field."),
        "string_too_long": _("Too long: at most %(max)s characters.") % {"max": ctx.get("max_length", "?")},
        "string_too_short": _("Too short: at least %(min)s characters.") % {"min": ctx.get("min_length", "?")},
        "int_parsing": _("Must be a whole number."),
        "int_type": _("Must be a whole number."),
        "bool_parsing": _("Must be true or false."),
        "bool_type": _("Must be true or false."),
        "string_type": _("Must be text."),
        "date_from_datetime_parsing": _("Must be a date as YYYY-MM-DD."),
        "date_parsing": _("Must be a date as YYYY-MM-DD."),
        "date_type": _("Must be a date as YYYY-MM-DD."),
        "datetime_parsing": _("Must be a date and time (ISO 8601)."),
        "time_type": _("Must be a local time as HH:MM or HH:MM:SS, without a UTC offset."),
        "decimal_parsing": _("Must be a number."),
        "float_parsing": _("Must be a number."),
        "list_type": _("Must be a list."),
        "dict_type": _("Must be an object."),
        "model_attributes_type": _("Must be an object."),
        "enum": _("Not one of the allowed values: %(expected)s.") % {"expected": ctx.get("expected", "")},
        "literal_error": _("Not one of the allowed values: %(expected)s.") % {"expected": ctx.get("expected", "")},
        "json_invalid": _("The body is not valid JSON."),
        "string_pattern_mismatch": _("Not in the expected format: %(pattern)s.") % {"pattern": ctx.get("pattern", "")},
    }
    return messages.get(kind, error.get("msg", _("Invalid value.")))


def _field(loc) -> str:
    # Drop the parameter source ("body", "query", "path") and the schema's argument name.
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "form", "payload", "data")]
    return ".".join(parts) or "__all__"


def install_error_handlers(api) -> None:
    """Answer every foreseeable failure with a 4xx JSON body, never a 500."""

    @api.exception_handler(NinjaValidationError)
    def validation_error(request, exc):
        errors = [{"field": _field(e.get("loc", ())), "message": _message(e)} for e in exc.errors]
        return api.create_response(request, {"detail": _("Invalid input."), "errors": errors}, status=422)

    @api.exception_handler(DjangoValidationError)
    def domain_validation_error(request, exc):
        if hasattr(exc, "message_dict"):
            errors = [{"field": f, "message": m} for f, msgs in exc.message_dict.items() for m in msgs]
        else:
            errors = [{"field": "__all__", "message": m} for m in exc.messages]
        return api.create_response(request, {"detail": _("Invalid input."), "errors": errors}, status=422)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return api.create_response(request, {"detail": _("You do not have permission to do this.")}, status=403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(request, {"detail": _("Authentication required.")}, status=401)

    @api.exception_handler(MultiPartParserError)
    def bad_multipart(request, exc):
        errors = [{"field": "file", "message": _("The upload is not valid multipart/form-data.")}]
        return api.create_response(request, {"detail": _("Invalid input."), "errors": errors}, status=400)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """Django Ninja's limit/offset pages, with an offset the database can take (SQLite's integers
    are 64-bit: a larger offset was a server error, not a 422)."""

    class Input(Schema):
        limit: int = LimitOffsetPagination.Input.model_fields["limit"]
        offset: int = Field(0, ge=0, le=2**63 - 1)
