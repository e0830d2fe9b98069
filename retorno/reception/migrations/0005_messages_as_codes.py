"""Manifest problems and allocation explanations become codes with parameters (issue 13).

Problems stored with pairs of words in their parameters (``basis_es``/``basis_en``, ``part_*``,
``reason_*``, ``hint_*``, ``detail_*``) get the code the words stood for; problems stored before they
kept parameters (only ``message_es``/``message_en``) are read back into parameters from their
Spanish text when it matches the message of their code. Allocation decisions drop the
``message_es``/``message_en`` copies of what their reason and parameters say. Whatever cannot be
mapped keeps its words as fallback parameters (``text_es``/``text_en``), shown as they were: nothing
is lost.
"""

import re

from django.db import migrations

# The Spanish and English messages as they were stored until this migration (frozen here).
OLD_TEMPLATES = {
    'unsupported_format': ("Formato no admitido: suba un archivo CSV o XLSX ({detail}).", "Unsupported format: upload a CSV or XLSX file ({detail})."),
    'unreadable_file': ("No se pudo leer el archivo: {detail}.", "The file could not be read: {detail}."),
    'empty_file': ("El archivo está vacío.", "The file is empty."),
    'header_not_found': ("No se encontró la fila de encabezados en las primeras {rows} filas.", "No header row was found in the first {rows} rows."),
    'missing_required_column': ("Falta una columna obligatoria: {detail_es}.", "A required column is missing: {detail_en}."),
    'missing_recommended_column': ("Falta la columna «{column}»; esos datos deberán tomarse en el registro de ingreso.", "Column '{column}' is missing; that data must be taken at check-in."),
    'duplicate_column': ("La columna «{header}» repite el campo {name}; se usa la primera.", "Column '{header}' repeats field {name}; the first one is used."),
    'mapped_column_not_found': ("La columna «{header}» del mapeo guardado no está en este archivo.", "Column '{header}' of the saved mapping is not in this file."),
    'too_many_rows': ("El archivo tiene más de {limit} filas; solo se leyeron las primeras {limit}.", "The file has more than {limit} rows; only the first {limit} were read."),
    'mixed_date_orders': ("La columna {name} mezcla día/mes y mes/día; las fechas ambiguas no se interpretaron.", "Column {name} mixes day/month and month/day; ambiguous dates were not interpreted."),
    'two_digit_years': ("La columna {name} usa años de dos dígitos; se interpretaron como {first}–{last}.", "Column {name} uses two-digit years; they were read as {first}–{last}."),
    'empty_name': ("La fila no tiene nombre.", "The row has no name."),
    'unparseable_date': ("«{value}» no es una fecha reconocible.", "'{value}' is not a recognisable date."),
    'ambiguous_date': ("«{value}» puede ser {dmy} (día/mes) o {mdy} (mes/día); confirme la fecha.", "'{value}' may be {dmy} (day/month) or {mdy} (month/day); confirm the date."),
    'date_order_conflict': ("«{value}» solo es válida como {date}, contraria al orden {order} del archivo.", "'{value}' is only valid as {date}, against the file's {order} order."),
    'future_birth_date': ("La fecha de nacimiento {date} está en el futuro.", "The birth date {date} is in the future."),
    'implausible_birth_date': ("La fecha de nacimiento {date} no es plausible.", "The birth date {date} is not plausible."),
    'invalid_sex': ("«{value}» no es un valor de sexo reconocido (M/F).", "'{value}' is not a recognised sex value (M/F)."),
    'ambiguous_sex': ("«{value}» puede ser masculino o «mujer»: la columna usa H/M y M/F a la vez.", "'{value}' may mean male or 'mujer' (female): the column mixes H/M and M/F."),
    'invalid_age': ("«{value}» no es una edad válida.", "'{value}' is not a valid age."),
    'age_mismatch': ("La edad {age} no coincide con la fecha de nacimiento (daría {computed}).", "Age {age} does not match the birth date (which gives {computed})."),
    'invalid_sequence': ("«{value}» no es un número de orden.", "'{value}' is not a sequence number."),
    'cui_format': ("«{value}» no es un CUI: debe tener 13 dígitos{hint_es}.", "'{value}' is not a CUI: it must have 13 digits{hint_en}."),
    'cui_check': ("El CUI {value} no cumple la regla de verificación ({reason_es}); revíselo con el DPI.", "CUI {value} fails the check rule ({reason_en}); check it against the DPI."),
    'cui_leading_zeros': ("Se restauraron ceros iniciales del CUI ({value}); la hoja lo guardó como número.", "Leading zeros of the CUI were restored ({value}); the sheet stored it as a number."),
    'a_number_format': ("«{value}» no es un número A (A seguido de 7 a 9 dígitos).", "'{value}' is not an A-number (A followed by 7 to 9 digits)."),
    'unknown_nationality': ("Nacionalidad «{value}» no reconocida; se guarda tal cual.", "Nationality '{value}' not recognised; kept as written."),
    'invalid_flag': ("«{value}» no es sí/no; la marca se deja vacía.", "'{value}' is not yes/no; the flag is left empty."),
    'unaccompanied_adult': ("Marcado como menor no acompañado pero tiene {age} años.", "Flagged as an unaccompanied minor but is {age} years old."),
    'duplicate_row': ("Misma persona que la fila {first_row} ({basis_es}).", "Same person as row {first_row} ({basis_en})."),
    'possible_duplicate': ("Mismo nombre que la fila {first_row} y sin fecha de nacimiento para distinguirlas.", "Same name as row {first_row} and no birth date to tell them apart."),
    'unsafe_characters': ("Se quitaron {count} caracteres de control o de dirección de texto invisibles; revise el valor.", "{count} invisible control or text-direction characters were removed; check the value."),
    'too_long': ("El valor tiene {length} caracteres; el máximo es {limit}. No se guardó: corríjalo.", "The value has {length} characters; the limit is {limit}. It was not kept: correct it."),
    'missing_name_part': ("Falta {part_es}.", "The {part_en} is missing."),
    'same_name_other_document': ("Mismo nombre y fecha de nacimiento que la fila {first_row}, pero otro documento: se tratan como dos personas.", "Same name and birth date as row {first_row} but another document: kept as two people."),
}

# The words that stood for a code, in either language.
WORDS = {
    "basis": {
        "mismo CUI": "cui",
        "same CUI": "cui",
        "mismo número A": "a_number",
        "same A-number": "a_number",
        "mismo pasaporte": "passport",
        "same passport": "passport",
        "mismo nombre y fecha de nacimiento": "name_birth_date",
        "same name and birth date": "name_birth_date",
    },
    "part": {
        "el nombre": "given_names",
        "given name": "given_names",
        "el primer apellido": "first_surname",
        "first surname": "first_surname",
    },
    "reason": {
        "dígito verificador": "check_digit",
        "check digit": "check_digit",
        "departamento inexistente": "department",
        "no such department": "department",
        "municipio inexistente": "municipality",
        "no such municipality": "municipality",
        "longitud": "length",
        "length": "length",
    },
    "hint": {
        "": "",
        " (Excel lo convirtió a notación científica)": "scientific",
        " (Excel turned it into E+ notation)": "scientific",
    },
}
REQUIRED_DETAIL = {"nombre completo, o nombres y apellidos", "full name, or given names and surnames"}
ALLOCATION_WITHOUT_PARAMS = {
    "can_pay": "No necesita apoyo: puede pagar su pasaje.",
    "family_collecting": "No necesita apoyo: su familia viene a recogerle.",
    "no_fare": "Sin tarifa para su destino: registre la tarifa o gestione otro traslado.",
}


def _pattern(template: str) -> re.Pattern:
    parts, seen, regex = re.split(r"\{(\w+)\}", template), set(), ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex += re.escape(part)
        else:
            regex += f"(?P={part})" if part in seen else f"(?P<{part}>.*?)"
            seen.add(part)
    return re.compile(f"^{regex}$", re.S)


def _coded(params: dict) -> dict | None:
    """Parameters with codes for the pairs of words; None when a pair names no known code."""
    out = dict(params)
    for name in ("basis", "part", "reason", "hint"):
        words = [out.pop(key) for key in (f"{name}_es", f"{name}_en") if key in out]
        if not words:
            continue
        code = next((WORDS[name][w] for w in words if w in WORDS[name]), None)
        if code is None:
            return None
        out[name] = code
    details = [out.pop(key) for key in ("detail_es", "detail_en") if key in out]
    if details and not set(details) <= REQUIRED_DETAIL:
        return None
    return out


def _fallback(stored: dict, params: dict | None = None) -> dict:
    """The words as they were, kept as parameters; the problem's other keys stay."""
    code, params = stored.get("code"), params or stored.get("params") or {}
    texts = OLD_TEMPLATES.get(code)
    es = stored.get("message_es")
    en = stored.get("message_en")
    if texts and (es is None or en is None):
        try:
            es = es if es is not None else texts[0].format(**params)
            en = en if en is not None else texts[1].format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    out = {k: v for k, v in stored.items() if k not in ("message_es", "message_en")}
    out["params"] = {**params, "text_es": es or code or "", "text_en": en or es or code or ""}
    return out


def problem_to_code(stored: dict) -> dict:
    if not isinstance(stored, dict):
        return stored
    if "params" in stored:
        params = _coded(stored["params"] or {})
        if params is None:
            return _fallback(stored)
        out = {k: v for k, v in stored.items() if k not in ("message_es", "message_en")}
        out["params"] = params
        return out
    texts = OLD_TEMPLATES.get(stored.get("code"))
    found = _pattern(texts[0]).match(stored.get("message_es") or "") if texts else None
    params = _coded(found.groupdict()) if found else None
    if params is None:
        return _fallback(stored)
    out = {k: v for k, v in stored.items() if k not in ("message_es", "message_en")}
    out["params"] = params
    return out


def decision_to_code(decision: dict) -> dict:
    if not isinstance(decision, dict) or ("message_es" not in decision and "message_en" not in decision):
        return decision
    out = {k: v for k, v in decision.items() if k not in ("message_es", "message_en")}
    if out.get("params") is not None:
        return out  # the reason and parameters already say it
    reason, es = decision.get("reason"), decision.get("message_es") or ""
    if ALLOCATION_WITHOUT_PARAMS.get(reason) == es:
        out["params"] = {}
    else:
        out["params"] = {"text_es": es, "text_en": decision.get("message_en") or es}
    return out


def forwards(apps, schema_editor):
    ManifestRow = apps.get_model("reception", "ManifestRow")
    ManifestImport = apps.get_model("reception", "ManifestImport")
    AllocationRun = apps.get_model("reception", "AllocationRun")
    changed = []
    for row in ManifestRow.objects.exclude(problems=[]).only("id", "problems").iterator(chunk_size=2000):
        problems = [problem_to_code(p) for p in row.problems or []]
        if problems != row.problems:
            row.problems = problems
            changed.append(row)
        if len(changed) >= 2000:
            ManifestRow.objects.bulk_update(changed, ["problems"])
            changed = []
    ManifestRow.objects.bulk_update(changed, ["problems"])
    for staged in ManifestImport.objects.exclude(file_problems=[]).only("id", "file_problems"):
        problems = [problem_to_code(p) for p in staged.file_problems or []]
        if problems != staged.file_problems:
            staged.file_problems = problems
            staged.save(update_fields=["file_problems"])
    for run in AllocationRun.objects.only("id", "decisions"):
        decisions = [decision_to_code(d) for d in run.decisions or []]
        if decisions != run.decisions:
            run.decisions = decisions
            run.save(update_fields=["decisions"])


class Migration(migrations.Migration):
    dependencies = [("reception", "0004_merge_parallel_work")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
