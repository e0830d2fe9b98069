"""The institutions directory as a choice: form fields and API look-ups limited to the right kinds,
and turning a free-text name into a directory entry (used by data migrations and defaults).

``organisation_for_name`` works with historical models too: pass the ``Organisation`` class the caller has.
"""

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _
from ninja import Schema

from retorno.accounts.models import Organisation
from retorno.lib.text import fold


class DirectoryEntryOut(Schema):
    """A directory entry as the API names it: its id and its name."""

    id: int
    name: str


def directory_entries(kinds: Iterable[str]) -> QuerySet[Organisation]:
    """The active entries of these kinds (units included), by name: what a form offers."""
    return Organisation.objects.filter(is_active=True, kind__in=list(kinds)).select_related("parent").order_by("name")


class DirectoryChoiceField(forms.ModelChoiceField):
    """A choice among the directory's active entries of some kinds; a unit shows its parent."""

    def __init__(self, kinds: Iterable[str], **kwargs) -> None:
        super().__init__(queryset=directory_entries(kinds), **kwargs)

    def label_from_instance(self, obj: Organisation) -> str:
        if obj.parent_id and not obj.name.startswith(obj.parent.name):
            return f"{obj.name} ({obj.parent.name})"
        return obj.name


def directory_entry(pk: int | None, *, kinds: Iterable[str], field: str) -> Organisation | None:
    """The active entry an API caller names by id, of one of ``kinds``; None for None. An unknown id
    or an entry of another kind is a ValidationError on ``field`` (422), never a 404."""
    if pk is None:
        return None
    org = Organisation.objects.filter(pk=pk, is_active=True).first()
    if org is None:
        raise ValidationError({field: _("No institution with this id in the directory.")})
    require_kind(org, kinds=kinds, field=field)
    return org


def require_kind(org: Organisation | None, *, kinds: Iterable[str], field: str) -> None:
    """Refuse an entry whose kind is not one of ``kinds`` (a ValidationError on ``field``)."""
    kinds = list(kinds)
    if org is not None and org.kind not in kinds:
        labels = ", ".join(str(Organisation.Kind(k).label) for k in kinds)
        raise ValidationError({field: _("Choose an institution of one of these kinds: %(kinds)s.") % {"kinds": labels}})


# Words that say what kind of institution a free-text name is; the first match wins.
KIND_HINTS: list[tuple[tuple[str, ...], str]] = [
    (("ministerio público", "ministerio publico", "fiscalía", "fiscalia", "mp "), "prosecution"),
    (("renap", "registro nacional de las personas"), "registry"),
    (("organismo judicial", "juzgado", "tribunal", "corte"), "judiciary"),
    (("pgn", "procuraduría general", "procuraduria general"), "pgn"),
    (("svet",), "svet"),
    (("pdh", "procurador de los derechos humanos"), "pdh"),
    (("pnc", "policía", "policia"), "police"),
    (("municipalidad", "municipal"), "municipality"),
    (("consulado",), "consulate"),
    (("intecap",), "training"),
    (("ministerio",), "ministry"),
    (("congreso",), "legislature"),
]


def guess_kind(name: str) -> str:
    lowered = f"{name.lower()} "
    for words, kind in KIND_HINTS:
        if any(word in lowered for word in words):
            return kind
    return "government"


def organisation_for_name(organisation_model, name: str):
    """The directory entry called ``name`` (by name or acronym, any case), created when missing."""
    name = " ".join((name or "").split())[:200]
    if not name:
        return None
    # Compared folded in Python (SQLite's iexact ignores case only for ASCII); the directory is small.
    wanted = fold(name)
    for pk, org_name, acronym in organisation_model.objects.values_list("pk", "name", "acronym"):
        if wanted in (fold(org_name), fold(acronym)):
            return organisation_model.objects.get(pk=pk)
    base = slugify(name)[:55] or "institucion"
    slug, n = base, 1
    while organisation_model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return organisation_model.objects.create(name=name, slug=slug, kind=guess_kind(name))
