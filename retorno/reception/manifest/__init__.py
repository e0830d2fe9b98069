"""Reading passenger manifests (CSV or XLSX) into checked rows. Pure Python, no models.

    result = parse_manifest(data=upload.read(), filename=upload.name, mapping=saved_mapping)
    for row in result.rows:
        row.row_number, row.values["full_name"], row.values["birth_date"], row.problems

See ``problems.py`` for what error and warning mean, ``mapping.py`` for remembered column
mappings and ``dates.py`` for how ambiguous dates are settled.
"""

from .dates import ColumnOrder, DateOrder, DatePrecision
from .fields import Field, field_for_header
from .formula import neutralise_formula, neutralise_row
from .mapping import ColumnMapping
from .parse import DEFAULT_MAX_ROWS, parse_manifest
from .problems import Code, Problem, Severity
from .result import VALUE_KEYS, ManifestResult, ManifestRow

__all__ = [
    "DEFAULT_MAX_ROWS",
    "VALUE_KEYS",
    "Code",
    "ColumnMapping",
    "ColumnOrder",
    "DateOrder",
    "DatePrecision",
    "Field",
    "ManifestResult",
    "ManifestRow",
    "Problem",
    "Severity",
    "field_for_header",
    "neutralise_formula",
    "neutralise_row",
    "parse_manifest",
]
