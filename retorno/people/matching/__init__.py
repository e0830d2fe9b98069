"""Identity matching: who in the registry might this person be?

Pure Python and numpy (no Django), so the same engine serves the ORM, the
``match`` management command and the benchmark. Public API:

- ``blocking_keys(record) -> set[str]``: keys for the ``(key, person_id)`` table.
- ``score(a, b, model=None) -> (probability, reasons)``.
- ``rank_candidates(probe, [(person_id, record), ...], model=None)``: the DB path.
- ``MemoryIndex`` (a ``CandidateIndex``): the in-memory real-time index.
- ``dedupe(columns)`` / ``dedupe_csv(input, output)``: batch deduplication.
- ``Model``, ``train``, ``default_model()``; ``Reason(code, field, weight)``: evidence as codes
  (shown in words by ``retorno.people.match_reasons``, through gettext).

A record is a mapping with the INPUT.csv fields: ``given_names``,
``first_surname``, ``second_surname``, ``sex`` (F/M), ``birth_date``
(``date`` or "YYYY[-MM[-DD]]"), ``cui``, ``department``, ``municipality``
(4-digit INE code), and optionally ``birth_date_precision``
(exact/month/year/estimated), ``other_id`` and ``address``.
"""

from retorno.people.matching.columns import Columns, encode, encode_records
from retorno.people.matching.dedupe import DedupeResult, dedupe, dedupe_csv, read_input_csv
from retorno.people.matching.index import CandidateIndex, MemoryIndex
from retorno.people.matching.keys import KEY_SPECS, MAX_BLOCK, blocking_keys
from retorno.people.matching.learn import train
from retorno.people.matching.model import Model
from retorno.people.matching.reasons import Reason
from retorno.people.matching.scoring import Candidate, default_model, rank_candidates, score

__all__ = [
    "KEY_SPECS",
    "MAX_BLOCK",
    "Candidate",
    "CandidateIndex",
    "Columns",
    "DedupeResult",
    "MemoryIndex",
    "Model",
    "Reason",
    "blocking_keys",
    "dedupe",
    "dedupe_csv",
    "default_model",
    "encode",
    "encode_records",
    "rank_candidates",
    "read_input_csv",
    "score",
    "train",
]
