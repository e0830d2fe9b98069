"""Why two records match, as codes.

The engine (pure Python, no Django) returns each piece of evidence as a code with its
parameters: the field it concerns and its weight in bits. It never holds words: the web
layer translates a code with gettext when it shows it (``retorno/people/match_reasons.py``),
and the review queue stores the code and its parameters (``MatchCandidatePair.reasons``).
"""

from __future__ import annotations

from typing import NamedTuple


class Reason(NamedTuple):
    """One piece of evidence: ``code`` (a level of ``fields.FIELDS`` or an override), the field,
    and its weight in bits (positive for, negative against)."""

    code: str
    field: str
    weight: float
