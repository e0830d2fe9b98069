"""Manifest reading: the corpus of broken manifests, each with its expected problems.

Every case asserts the exact set of (row, field, code) it must produce, so a new false alarm
fails a test as surely as a missed one. Files live in ``manifests/``; the XLSX and the
10,000-row cases are generated here.
"""

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retorno.people.cui import cui_with_check_digit
from retorno.reception.manifest import (
    Code,
    ColumnMapping,
    DateOrder,
    Field,
    Severity,
    field_for_header,
    neutralise_formula,
    neutralise_row,
    parse_manifest,
)

MANIFESTS = Path(__file__).parent / "manifests"
TODAY = date(2025, 6, 1)

F = Field
NO_SEX_COLUMN = (None, F.SEX, Code.MISSING_RECOMMENDED_COLUMN)


def read(name: str, **options):
    path = MANIFESTS / name
    return parse_manifest(data=path.read_bytes(), filename=name, today=TODAY, **options)


def found(result) -> set[tuple]:
    """Every problem as (row, field, code): what the corpus asserts."""
    return {(p.row_number, p.field, p.code) for p in result.all_problems()}


def row(result, number: int) -> dict:
    return next(r.values for r in result.rows if r.row_number == number)


# --- The corpus ---------------------------------------------------------------------------


def test_cp1252_semicolons_and_title_rows():
    result = read("cp1252_semicolon_title_rows.csv")

    assert (result.encoding, result.separator, result.header_row_number) == ("cp1252", ";", 4)
    assert found(result) == set()
    assert [r.row_number for r in result.rows] == [5, 6, 7]
    assert row(result, 5)["full_name"] == "José Ángel Pérez López"
    assert row(result, 7)["given_names"] == "Ñusta"
    assert row(result, 6)["second_surname"] == "De la Cruz"
    assert row(result, 6)["origin_municipality"] == "Santa Cruz del Quiché"
    # 03/04/1985 is settled as 3 April because row 5 (25/12/1990) proves day/month.
    assert row(result, 6)["birth_date"] == date(1985, 4, 3)
    assert result.date_orders["birth_date"].source == "rows"


def test_utf8_bom_one_name_column_and_cui_checks():
    result = read("utf8_bom_full_name.csv")

    assert (result.encoding, result.separator) == ("utf-8-sig", ",")
    assert result.mapping.columns["Apellidos, Nombres"] is F.FULL_NAME
    assert found(result) == {
        (3, F.CUI, Code.CUI_CHECK),
        (4, F.CUI, Code.CUI_FORMAT),
    }
    first = row(result, 2)
    assert (first["given_names"], first["first_surname"], first["second_surname"]) == (
        "JUAN CARLOS",
        "GARCÍA",
        "DE LEÓN",
    )
    assert first["nationality"] == "GT"
    assert row(result, 3)["cui"] == "1234567830101"  # a failed check warns, keeps the value
    assert row(result, 4)["cui"] is None
    assert row(result, 5)["cui"] == "2345678991305"  # written with spaces
    assert row(result, 5)["nationality"] == "HN"


def test_cui_check_is_never_an_error():
    result = read("utf8_bom_full_name.csv")

    check = next(p for p in result.all_problems() if p.code is Code.CUI_CHECK)
    assert check.severity is Severity.WARNING
    assert "dígito verificador" in check.message_es
    assert "check digit" in check.message_en


def test_missing_name_column_is_a_file_level_error():
    result = read("missing_name_column.csv")

    assert found(result) == {
        (None, F.FULL_NAME, Code.MISSING_REQUIRED_COLUMN),
        (None, F.BIRTH_DATE, Code.MISSING_RECOMMENDED_COLUMN),
    }
    assert not result.can_import
    assert len(result.rows) == 2  # still shown, to help staff fix the mapping


def test_bad_dates():
    result = read("bad_dates.csv")

    assert found(result) == {
        NO_SEX_COLUMN,
        (None, F.BIRTH_DATE, Code.TWO_DIGIT_YEARS),
        (3, F.BIRTH_DATE, Code.UNPARSEABLE_DATE),  # 31/02/1990
        (4, F.BIRTH_DATE, Code.UNPARSEABLE_DATE),  # "ayer"
        (5, F.BIRTH_DATE, Code.FUTURE_BIRTH_DATE),
        (6, F.BIRTH_DATE, Code.IMPLAUSIBLE_BIRTH_DATE),  # 1850
        (9, F.BIRTH_DATE, Code.UNPARSEABLE_DATE),  # 13/13/1990
    }
    assert row(result, 3)["birth_date"] is None
    assert row(result, 5)["birth_date"] is None
    assert (row(result, 7)["birth_date"], row(result, 7)["birth_date_precision"]) == (
        date(1975, 1, 1),
        "year",
    )
    assert (row(result, 8)["birth_date"], row(result, 8)["birth_date_precision"]) == (
        date(2001, 7, 1),
        "month",
    )
    assert row(result, 10)["birth_date"] == date(1988, 6, 15)


def test_ambiguous_dates_are_flagged_not_guessed():
    result = read("ambiguous_dates.csv")

    assert found(result) == {
        NO_SEX_COLUMN,
        (2, F.BIRTH_DATE, Code.AMBIGUOUS_DATE),
        (3, F.BIRTH_DATE, Code.AMBIGUOUS_DATE),
    }
    assert row(result, 2)["birth_date"] is None
    assert row(result, 4)["birth_date"] == date(2000, 7, 7)  # 07/07 reads the same both ways
    message = next(p for p in result.rows[0].problems).message_en
    assert "1990-04-03 (day/month) or 1990-03-04 (month/day)" in message


def test_ambiguous_dates_are_settled_by_the_saved_mapping():
    mapping = ColumnMapping(
        columns={"Nombre completo": F.FULL_NAME, "Fecha de nacimiento": F.BIRTH_DATE},
        date_order=DateOrder.MDY,
    )

    result = read("ambiguous_dates.csv", mapping=mapping)

    assert found(result) == {NO_SEX_COLUMN}
    assert row(result, 2)["birth_date"] == date(1990, 3, 4)
    assert result.date_orders["birth_date"].source == "mapping"


def test_mixed_date_orders_leave_ambiguous_dates_open():
    result = read("mixed_date_orders.csv")

    assert found(result) == {
        NO_SEX_COLUMN,
        (None, F.BIRTH_DATE, Code.MIXED_DATE_ORDERS),
        (4, F.BIRTH_DATE, Code.AMBIGUOUS_DATE),
    }
    assert row(result, 2)["birth_date"] == row(result, 3)["birth_date"] == date(1990, 12, 25)


def test_us_list_tab_separated_month_first_with_a_numbers():
    result = read("us_mdy_tab.tsv")

    assert result.separator == "\t"
    assert result.date_orders["birth_date"].order is DateOrder.MDY
    assert found(result) == {
        (4, F.BIRTH_DATE, Code.UNPARSEABLE_DATE),  # 02/30/1990
        (4, F.A_NUMBER, Code.A_NUMBER_FORMAT),
        (5, F.UNACCOMPANIED_MINOR, Code.UNACCOMPANIED_ADULT),
    }
    first = row(result, 2)
    assert (first["first_surname"], first["second_surname"], first["given_names"]) == (
        "PEREZ",
        "LOPEZ",
        "JUAN",
    )
    assert first["a_number"] == "A123456789"
    minor = row(result, 3)
    assert minor["birth_date"] == date(2010, 4, 3)  # 04/03 month-first, from row 2's 12/25
    assert (minor["is_minor"], minor["unaccompanied_minor"]) == (True, True)
    assert minor["a_number"] == "A098765432"


def test_duplicates_within_the_file():
    result = read("duplicates.csv")

    assert found(result) == {
        NO_SEX_COLUMN,
        (3, F.FULL_NAME, Code.DUPLICATE_ROW),  # same name (any case/spacing) and birth date
        (5, F.CUI, Code.DUPLICATE_ROW),
        (7, F.FULL_NAME, Code.POSSIBLE_DUPLICATE),  # same name, no birth date: a warning
    }
    duplicate = next(p for p in result.all_problems() if p.row_number == 5)
    assert duplicate.message_es == "Misma persona que la fila 4 (mismo CUI)."
    assert duplicate.message_en == "Same person as row 4 (same CUI)."
    assert len(result.rows) == 7  # reported, never dropped


def test_bad_values():
    result = read("bad_values.csv")

    assert found(result) == {
        (2, F.SEX, Code.INVALID_SEX),
        (3, F.AGE, Code.INVALID_AGE),
        (4, F.AGE, Code.AGE_MISMATCH),
        (5, F.UNACCOMPANIED_MINOR, Code.INVALID_FLAG),
        (5, F.NATIONALITY, Code.UNKNOWN_NATIONALITY),
        (6, F.CUI, Code.CUI_FORMAT),
        (6, F.UNACCOMPANIED_MINOR, Code.UNACCOMPANIED_ADULT),
        (7, F.FULL_NAME, Code.EMPTY_NAME),
        (8, F.AGE, Code.INVALID_AGE),
    }
    assert row(result, 2)["sex"] is None  # an error: the value was not accepted
    assert row(result, 5)["nationality"] == "Marte"  # a warning: kept as written
    assert row(result, 5)["is_minor"] is True


def test_no_header_row():
    result = read("no_header.csv")

    assert found(result) == {(None, None, Code.HEADER_NOT_FOUND)}
    assert result.rows == []


def test_h_m_sex_column_and_date_order_in_the_header():
    result = read("sexo_h_m.csv")

    assert found(result) == set()
    assert [r.values["sex"] for r in result.rows] == ["F", "M"]  # M is mujer here
    assert result.date_orders["birth_date"].source == "header"
    assert row(result, 2)["birth_date"] == date(1990, 4, 3)


def test_repeated_headers_and_blank_rows_are_skipped_and_a_total_row_is_reported():
    result = read("repeated_header_and_total.csv")

    assert [r.row_number for r in result.rows] == [2, 5, 6]
    assert found(result) == {
        (6, F.SEQUENCE, Code.INVALID_SEQUENCE),
        (6, F.FULL_NAME, Code.EMPTY_NAME),
    }


# --- Generated cases: XLSX and size -------------------------------------------------------


def xlsx_bytes(rows: list[list], *, leading_sheet: bool = True) -> bytes:
    workbook = openpyxl.Workbook()
    if leading_sheet:
        workbook.active.title = "Instrucciones"
        workbook.active["A1"] = "Llene una fila por pasajero."
        sheet = workbook.create_sheet("Pasajeros")
    else:
        sheet = workbook.active
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_excel_serial_dates_numeric_cui_and_title_rows():
    cui_with_zero = cui_with_check_digit("01234567", 1, 1)
    data = xlsx_bytes(
        [
            ["Vuelo GUA-0427"],
            [],
            ["No.", "Nombre completo", "Sexo", "Fecha de nacimiento", "DPI", "Edad"],
            [1, "Ana Pérez", "F", 32874, int(cui_with_zero), 35],  # serial: 1990-01-01
            [2, "Luis Gómez", "M", datetime(1985, 6, 5), cui_with_check_digit("12345678", 1, 1), None],
            [],
            [3, "Rosa Díaz", "F", "25/12/2001", None, 23.0],
            [4, "Eva Sic", "F", 45000.5, None, None],  # serial with a time: 2023-03-15
            [5, "Tomás Cux", "M", 12, None, None],  # a serial in 1900: not a birth date
        ]
    )

    result = parse_manifest(data=data, filename="vuelo.xlsx", today=TODAY)

    assert (result.file_format, result.sheet, result.header_row_number) == ("xlsx", "Pasajeros", 3)
    assert found(result) == {
        (4, F.CUI, Code.CUI_LEADING_ZEROS),
        (9, F.BIRTH_DATE, Code.UNPARSEABLE_DATE),
    }
    assert row(result, 4)["birth_date"] == date(1990, 1, 1)
    assert row(result, 4)["cui"] == cui_with_zero
    assert row(result, 5)["birth_date"] == date(1985, 6, 5)
    assert row(result, 7)["age"] == 23
    assert row(result, 8)["birth_date"] == date(2023, 3, 15)
    assert row(result, 8)["is_minor"] is True


def big_manifest(rows: int) -> bytes:
    lines = ["No.;Nombres;Primer apellido;Segundo apellido;Sexo;Fecha de nacimiento;Edad;DPI"]
    for i in range(rows):
        birth = date(1960 + i % 45, 1 + i % 12, 1 + i % 28)
        age = TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))
        cui = cui_with_check_digit(f"{i + 10_000_000:08d}", 1 + i % 22, 1) or ""
        lines.append(f"{i + 1};José{i};Pérez{i};Xicará;{'MF'[i % 2]};{birth:%d/%m/%Y};{age};{cui}")
    return "\r\n".join(lines).encode("cp1252")


def test_ten_thousand_rows_are_all_read():
    # Its speed is a figure of `manage.py bench reception` (manifest_parse_10000_s), never a test.
    result = parse_manifest(data=big_manifest(10_000), filename="grande.csv", today=TODAY)

    assert len(result.rows) == 10_000
    assert found(result) == set()
    assert result.rows[-1].row_number == 10_001


def test_row_limit_is_a_file_level_error():
    result = parse_manifest(data=big_manifest(50), filename="x.csv", today=TODAY, max_rows=40)

    assert found(result) == {(None, None, Code.TOO_MANY_ROWS)}
    assert len(result.rows) == 40
    assert not result.can_import


# --- Encodings, formats and mappings -----------------------------------------------------

HEADER = "Nombre completo;Sexo;Fecha de nacimiento\n"


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")],
)
def test_encodings(encoding, expected):
    data = (HEADER + "Begoña Ñuñez Xicará;F;1990-04-03\n").encode(encoding)

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    assert result.encoding == expected
    assert result.rows[0].values["full_name"] == "Begoña Ñuñez Xicará"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    data = HEADER.encode() + b"Ana\x81 P\xe9rez;F;1990-04-03\n"

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    assert result.encoding == "latin-1"
    # U+0081 is a C1 control character: removed, and the row says so.
    assert result.rows[0].values["full_name"] == "Ana Pérez"
    assert [p.code for p in result.rows[0].problems] == [Code.UNSAFE_CHARACTERS]


def test_comma_in_names_does_not_fool_the_separator():
    data = "Apellidos, Nombres;Sexo\nPÉREZ, JUAN;M\nLÓPEZ, ANA;F\n".encode()

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    assert result.separator == ";"
    assert row(result, 2)["given_names"] == "JUAN"


def test_excel_leading_zero_trick_is_undone():
    cui = cui_with_check_digit("01234567", 1, 1)
    data = f'Nombre completo,DPI\nAna Pérez,"=""{cui}"""\n'.encode()

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    assert row(result, 2)["cui"] == cui


@pytest.mark.parametrize(
    "data, filename, code",
    [
        (b"", "x.csv", Code.EMPTY_FILE),
        (b"\n\n ;; \n", "x.csv", Code.EMPTY_FILE),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "vuelo.xls", Code.UNSUPPORTED_FORMAT),
        (b"not a zip", "vuelo.xlsx", Code.UNREADABLE_FILE),
        (b"PK\x03\x04 broken", "vuelo.xlsx", Code.UNREADABLE_FILE),
    ],
)
def test_unreadable_files_are_file_level_errors(data, filename, code):
    result = parse_manifest(data=data, filename=filename, today=TODAY)

    assert found(result) == {(None, None, code)}
    assert result.rows == []


def test_explicit_mapping_for_a_source_with_odd_headers():
    data = "Pax;Col B;Nac.\nAna Pérez;F;03/04/1990\n".encode()
    saved = ColumnMapping(
        columns={"PAX": F.FULL_NAME, "col b": F.SEX, "Nac.": F.BIRTH_DATE, "Pasaporte": F.PASSPORT},
        date_order=DateOrder.DMY,
    )
    stored = ColumnMapping.from_dict(saved.to_dict())

    result = parse_manifest(data=data, filename="x.csv", mapping=stored, today=TODAY)

    assert stored == saved
    assert found(result) == {(None, None, Code.MAPPED_COLUMN_NOT_FOUND)}
    assert row(result, 2)["birth_date"] == date(1990, 4, 3)
    assert result.mapping.columns == {"Pax": F.FULL_NAME, "Col B": F.SEX, "Nac.": F.BIRTH_DATE}


def test_inferred_mapping_is_reported_with_unmapped_columns():
    data = "N°;Nombre;Apellidos;Talla de camisa;Nombre\n1;Ana;Pérez;M;Otra\n".encode()

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    # 'Nombre' beside a surname column means given names; the second one is reported.
    assert result.mapping.columns == {"N°": F.SEQUENCE, "Nombre": F.GIVEN_NAMES, "Apellidos": F.SURNAMES}
    assert result.unmapped_columns == ["Talla de camisa", "Nombre"]
    assert (None, F.GIVEN_NAMES, Code.DUPLICATE_COLUMN) in found(result)


def test_mapping_from_dict_refuses_unknown_fields():
    with pytest.raises(ValueError):
        ColumnMapping.from_dict({"columns": {"X": "shoe_size"}})


@pytest.mark.parametrize(
    "header, field",
    [
        ("FECHA DE NACIMIENTO (DD/MM/AAAA)", F.BIRTH_DATE),
        ("Date of Birth", F.BIRTH_DATE),
        ("Lugar de nacimiento", None),
        ("No. de DPI", F.CUI),
        ("Nº", F.SEQUENCE),
        ("A#", F.A_NUMBER),
        ("Segundo Apellido (materno)", F.SECOND_SURNAME),
        ("Menor no acompañado", F.UNACCOMPANIED_MINOR),
        ("Nombre completo del pasajero", F.FULL_NAME),
        ("Talla", None),
    ],
)
def test_header_recognition(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize(
    "written, expected, precision",
    [
        ("1990-04-03", date(1990, 4, 3), "day"),
        ("1990/4/3 00:00:00", date(1990, 4, 3), "day"),
        ("19900403", date(1990, 4, 3), "day"),
        ("3 de abril de 1990", date(1990, 4, 3), "day"),
        ("03-ABR-1990", date(1990, 4, 3), "day"),
        ("Apr 3, 1990", date(1990, 4, 3), "day"),
        ("04/1990", date(1990, 4, 1), "month"),
        ("1990", date(1990, 1, 1), "year"),
        ("32966", date(1990, 4, 3), "day"),
    ],
)
def test_date_spellings(written, expected, precision):
    data = f"Nombre completo;Fecha de nacimiento\nAna;{written}\n".encode()

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    assert found(result) == {NO_SEX_COLUMN}
    assert (row(result, 2)["birth_date"], row(result, 2)["birth_date_precision"]) == (
        expected,
        precision,
    )


# --- Properties ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), filename=st.sampled_from(["x.csv", "x.xlsx", "x.txt"]))
def test_any_bytes_give_a_result_never_an_exception(data, filename):
    result = parse_manifest(data=data, filename=filename, today=TODAY)

    assert isinstance(result.rows, list)


NAME = st.text(alphabet="abcdefghijklmnñopqrstuvwxyzáéíóúüÁÉÑ", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(
        st.tuples(NAME, NAME, st.sampled_from("MF"), st.dates(date(1930, 1, 1), date(2024, 12, 31))),
        min_size=1,
        max_size=15,
        unique_by=lambda p: (p[0].casefold(), p[1].casefold()),
    ),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    title_rows=st.integers(0, 3),
)
def test_written_then_read_gives_the_same_people(people, separator, encoding, title_rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator)
    for i in range(title_rows):
        writer.writerow([f"Listado de pasajeros, hoja {i}"])
    writer.writerow(["Nombres", "Apellidos", "Sexo", "Fecha de nacimiento (dd/mm/aaaa)"])
    for given_name, surname, sex, birth in people:
        writer.writerow([given_name, surname, sex, birth.strftime("%d/%m/%Y")])

    result = parse_manifest(data=buffer.getvalue().encode(encoding), filename="x.csv", today=TODAY)

    assert not any(p.is_error for p in result.all_problems())
    read_back = [
        (r.values["given_names"], r.values["first_surname"], r.values["sex"], r.values["birth_date"])
        for r in result.rows
    ]
    assert read_back == people


# --- Formula injection -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x","Juan")', '\'=HYPERLINK("http://x","Juan")'),
        ("+502 5555 1234", "'+502 5555 1234"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("Juan Pérez", "Juan Pérez"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise_formula(value, expected):
    assert neutralise_formula(value) == expected


@given(st.text(max_size=20))
def test_neutralised_text_never_starts_a_formula(value):
    result = neutralise_formula(value)

    assert not result or result[0] not in "=+-@\t\r"
    assert result in (value, "'" + value)


def test_neutralise_row_keeps_numbers_and_dates():
    assert neutralise_row(["=1", 5, date(1990, 1, 1), None]) == ["'=1", 5, date(1990, 1, 1), None]


def test_formula_in_a_manifest_is_kept_as_text_for_neutralising_on_export():
    data = b'Nombre completo;Sexo\n=HYPERLINK("http://x");F\n'

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    name = row(result, 2)["full_name"]
    assert name == '=HYPERLINK("http://x")'
    assert neutralise_formula(name).startswith("'=")


def test_a_saved_mapping_that_no_longer_fits_falls_back_to_the_headers():
    saved = ColumnMapping(columns={"PAX": F.FULL_NAME, "DOB": F.BIRTH_DATE})

    result = read("cp1252_semicolon_title_rows.csv", mapping=saved)

    assert found(result) == {
        (None, None, Code.MAPPED_COLUMN_NOT_FOUND),
    }
    assert len(result.all_problems()) == 2  # one per saved column
    assert row(result, 5)["full_name"] == "José Ángel Pérez López"


def test_a_saved_mapping_overrides_the_wording_and_the_rest_is_inferred():
    data = "Nombre;Apellido;Sexo\nJuan Pérez López;Pérez;M\n".encode()
    saved = ColumnMapping(columns={"Nombre": F.FULL_NAME})

    result = parse_manifest(data=data, filename="x.csv", mapping=saved, today=TODAY)

    assert result.mapping.columns == {"Nombre": F.FULL_NAME, "Apellido": F.SURNAMES, "Sexo": F.SEX}
    assert row(result, 2)["full_name"] == "Juan Pérez López"  # as written, not rebuilt
    assert row(result, 2)["first_surname"] == "Pérez"


def zip_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "files",
    [
        {"hello.txt": "not a workbook"},
        {"[Content_Types].xml": "<broken", "xl/workbook.xml": "<<"},
    ],
)
def test_damaged_workbooks_are_reported_not_raised(files):
    result = parse_manifest(data=zip_bytes(files), filename="vuelo.xlsx", today=TODAY)

    assert found(result) == {(None, None, Code.UNREADABLE_FILE)}


CELLS = st.one_of(
    st.sampled_from(
        ["Nombre completo", "Sexo", "Fecha de nacimiento", "DPI", "Edad", "No.", "Apellidos", "Nombres"]
        + ["00/00/0000", "0000-00-00", "31/12/9999", "99999999", "2.4E+12", "=1+1", "H", "M", "sí", ""]
    ),
    st.text(max_size=8),
    st.integers(-10, 10**14).map(str),
)


@settings(max_examples=150, deadline=None)
@given(
    table=st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=8),
    separator=st.sampled_from([";", ",", "\t"]),
)
def test_messy_tables_give_problems_on_real_rows_never_an_exception(table, separator):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator).writerows(table)

    result = parse_manifest(data=buffer.getvalue().encode(), filename="x.csv", today=TODAY)

    row_numbers = {r.row_number for r in result.rows}
    assert all(p.row_number is None or p.row_number in row_numbers for p in result.all_problems())
    assert all(p.message_es and p.message_en for p in result.all_problems())


@pytest.mark.parametrize(
    "birth, age, is_minor",
    [
        ("2007", "", True),  # born in 2007: may still be 17 on 1 June 2025
        ("2006", "", False),
        ("12/2007", "", True),
        ("05/2007", "", False),
        ("01/01/2000", "17", True),  # the sources disagree: the younger reading decides
        ("", "17", True),
        ("", "18", False),
    ],
)
def test_presumption_of_minority(birth, age, is_minor):
    data = f"Nombre completo;Fecha de nacimiento;Edad\nAna;{birth};{age}\n".encode()

    result = parse_manifest(data=data, filename="x.csv", today=TODAY)

    assert row(result, 2)["is_minor"] is is_minor
