"""Turning a free-text institution name into a directory entry (used by data migrations and actions).

Works with historical models too: pass the ``Organisation`` class the caller has.
"""

from django.utils.text import slugify

from retorno.lib.text import fold

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
