"""The canonical manifest fields and the column headers that name them.

Carriers, ICE and the Mexican migration authority each label columns their own way, in
Spanish or English, with or without accents. A header is folded (accents, case and
punctuation removed) and compared with the synonyms below.
"""

import re
from enum import StrEnum

from retorno.lib.text import fold


class Field(StrEnum):
    """A column a manifest may carry. Values are stable: mappings are stored with them."""

    SEQUENCE = "sequence"
    GIVEN_NAMES = "given_names"
    MIDDLE_NAMES = "middle_names"  # a "segundo nombre" column, appended to given_names
    FIRST_SURNAME = "first_surname"
    SECOND_SURNAME = "second_surname"
    SURNAMES = "surnames"  # both surnames in one column, split on output
    FULL_NAME = "full_name"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    AGE = "age"
    NATIONALITY = "nationality"
    CUI = "cui"
    PASSPORT = "passport"
    A_NUMBER = "a_number"
    ORIGIN_DEPARTMENT = "origin_department"
    ORIGIN_MUNICIPALITY = "origin_municipality"
    ORIGIN_PLACE = "origin_place"  # "lugar de origen": free text, resolved by geo later
    UNACCOMPANIED_MINOR = "unaccompanied_minor"
    NOTES = "notes"


# Folded header -> field; None marks a known header that must stay unmapped even though it
# contains a synonym ("lugar de nacimiento" is no birth date). "nombre"/"name" are not here:
# they mean given names when the file has a surname column, else the full name.
SYNONYMS: dict[str, Field | None] = {}


def _add(field: Field | None, *headers: str) -> None:
    for header in headers:
        SYNONYMS[fold(header)] = field


_add(Field.SEQUENCE, "no", "n", "no.", "num", "numero", "nro", "correlativo", "item")
_add(Field.SEQUENCE, "seq", "sequence", "line", "linea", "no pasajero", "passenger no")
_add(Field.GIVEN_NAMES, "nombres", "primer nombre", "nombre s", "nombre(s)", "given name")
_add(Field.GIVEN_NAMES, "given names", "first name", "first names", "forename", "forenames")
_add(Field.MIDDLE_NAMES, "segundo nombre", "otros nombres", "middle name", "middle names")
_add(Field.FIRST_SURNAME, "primer apellido", "apellido paterno", "1er apellido", "apellido 1")
_add(Field.FIRST_SURNAME, "first surname", "paternal surname", "first last name")
_add(Field.FIRST_SURNAME, "paternal last name", "last name 1")
_add(Field.SECOND_SURNAME, "segundo apellido", "apellido materno", "2do apellido")
_add(Field.SECOND_SURNAME, "apellido 2", "second surname", "maternal surname")
_add(Field.SECOND_SURNAME, "second last name", "maternal last name", "last name 2")
_add(Field.SURNAMES, "apellidos", "apellido", "apellido s", "apellido(s)", "last name")
_add(Field.SURNAMES, "last names", "surname", "surnames", "family name")
_add(Field.FULL_NAME, "nombre completo", "nombres y apellidos", "apellidos y nombres")
_add(Field.FULL_NAME, "apellidos, nombres", "nombre del pasajero", "pasajero", "passenger")
_add(Field.FULL_NAME, "full name", "passenger name", "last name, first name", "last, first")
_add(Field.FULL_NAME, "name (last, first)", "nombre y apellido", "apellido y nombre")
_add(Field.SEX, "sexo", "genero", "sex", "gender", "m/f", "h/m")
_add(Field.BIRTH_DATE, "fecha de nacimiento", "fecha nacimiento", "fecha nac", "f nac")
_add(Field.BIRTH_DATE, "fec nac", "nacimiento", "f. nacimiento", "fnac", "dob", "d.o.b.")
_add(Field.BIRTH_DATE, "date of birth", "birth date", "birthdate", "fecha de nac")
_add(Field.AGE, "edad", "age", "anos", "edad anos", "age years")
_add(Field.NATIONALITY, "nacionalidad", "nationality", "pais", "country", "citizenship")
_add(Field.NATIONALITY, "ciudadania", "country of citizenship", "pais de nacionalidad")
_add(Field.CUI, "cui", "dpi", "cui dpi", "dpi cui", "no dpi", "numero de dpi", "no. dpi")
_add(Field.CUI, "documento personal de identificacion", "codigo unico de identificacion")
_add(Field.PASSPORT, "pasaporte", "no pasaporte", "no. pasaporte", "numero de pasaporte")
_add(Field.PASSPORT, "passport", "passport no", "passport number", "passport no.")
_add(Field.A_NUMBER, "a number", "a-number", "a no", "a#", "alien number", "alien no")
_add(Field.A_NUMBER, "anumber", "numero a", "alien registration number", "a file", "no. a")
_add(Field.ORIGIN_DEPARTMENT, "departamento", "depto", "departamento de origen", "dept")
_add(Field.ORIGIN_DEPARTMENT, "department", "department of origin", "depto origen")
_add(Field.ORIGIN_MUNICIPALITY, "municipio", "municipio de origen", "municipality")
_add(Field.ORIGIN_MUNICIPALITY, "municipality of origin", "muni", "municipio origen")
_add(Field.ORIGIN_PLACE, "lugar de origen", "origen", "procedencia", "place of origin")
_add(Field.ORIGIN_PLACE, "hometown", "lugar de residencia", "domicilio", "residencia")
_add(Field.UNACCOMPANIED_MINOR, "menor no acompanado", "nna no acompanado", "no acompanado")
_add(Field.UNACCOMPANIED_MINOR, "unaccompanied", "unaccompanied minor", "uac", "nna")
_add(Field.UNACCOMPANIED_MINOR, "menor no acompanado a", "nnaa", "menor solo", "uam")
_add(Field.NOTES, "observaciones", "observacion", "notas", "nota", "comentarios", "obs")
_add(Field.NOTES, "notes", "note", "remarks", "comments")
_add(Field.CUI, "no de dpi", "numero dpi", "no de cui", "numero de cui")
_add(Field.PASSPORT, "no de pasaporte", "numero pasaporte")
_add(None, "lugar de nacimiento", "place of birth", "pais de nacimiento", "country of birth")
_add(None, "fecha de llegada", "fecha de vuelo", "arrival date", "flight date", "vuelo")
_add(None, "nombre del padre", "nombre de la madre", "father name", "mother name")

AMBIGUOUS_NAME_HEADERS = frozenset({"nombre", "name"})
SURNAME_FIELDS = frozenset({Field.FIRST_SURNAME, Field.SECOND_SURNAME, Field.SURNAMES})

# Synonyms long enough to be found inside a longer header such as
# "Fecha de nacimiento (dd/mm/aaaa)"; short ones like "no" would match everything.
_DISTINCTIVE = frozenset({"dpi", "cui", "dob", "sexo", "edad", "sex", "age", "uac"})
_CONTAINED = sorted((s for s in SYNONYMS if len(s) >= 5 or s in _DISTINCTIVE), key=len, reverse=True)
_PARENTHESES = re.compile(r"\([^)]*\)")


def fold_header(header: object) -> str:
    """The comparable form of a header cell: 'Nº' -> 'no', 'A#' -> 'a no'."""
    text = "" if header is None else str(header)
    return fold(text.replace("#", " no ").replace("º", "o").replace("°", "o"))


def field_for_header(header: object) -> Field | None:
    """The field a header names, or None. Ambiguous 'nombre'/'name' return None here."""
    folded = fold_header(header)
    if not folded:
        return None
    if folded in SYNONYMS:
        return SYNONYMS[folded]
    without_notes = fold_header(_PARENTHESES.sub(" ", str(header)))
    if without_notes in SYNONYMS:
        return SYNONYMS[without_notes]
    padded = f" {folded} "
    for synonym in _CONTAINED:
        if f" {synonym} " in padded:
            return SYNONYMS[synonym]
    return None


def is_ambiguous_name_header(header: object) -> bool:
    """'Nombre' or 'Name' alone: given names or the full name depending on the file."""
    folded = fold_header(header)
    return folded in AMBIGUOUS_NAME_HEADERS or (
        fold_header(_PARENTHESES.sub(" ", str(header))) in AMBIGUOUS_NAME_HEADERS
    )
