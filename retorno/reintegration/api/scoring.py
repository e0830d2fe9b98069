"""The survey's scoring versions, and recomputing every stored score with one (managers)."""

from typing import Literal

from django.http import HttpRequest
from ninja import Schema

from retorno.accounts.access import require
from retorno.reintegration import actions, queries, rss
from retorno.reintegration.actions.scoring import RESCORE
from retorno.reintegration.api.common import router


class AnswerValueOut(Schema):
    answer: str
    label: str
    value: float | None  # None: "not applicable", not counted


class DimensionWeightOut(Schema):
    dimension: str
    label: str
    weight: float


class WeightedQuestionOut(Schema):
    code: str
    dimension: str
    dimension_label: str
    text: str
    weight: float
    answers: list[AnswerValueOut]


class ScoringVersionOut(Schema):
    code: str
    name: str
    method: str
    source: str
    current: bool
    outcomes: int
    min_answered_share: float
    dimension_weights: list[DimensionWeightOut]
    questions: list[WeightedQuestionOut]


class RescoreIn(Schema):
    version: Literal[tuple(rss.VERSIONS)]  # one of the scoring versions (GET /rss/versions)


class RescoreOut(Schema):
    version: str
    checked: int
    changed: int
    unscorable: int


@router.get("/rss/versions", response=list[ScoringVersionOut])
def rss_versions(request: HttpRequest):
    """Every scoring version: its method, source, weights, and how many outcomes are stored with it."""
    require(request.user, "reintegration.figures")
    return queries.scoring_versions()


@router.post("/rss/rescore", response=RescoreOut)
def rss_rescore(request: HttpRequest, payload: RescoreIn):
    """Recompute every stored outcome's scores from its raw answers with ``version`` (managers).

    Only changed scores are written, each audited; a second run changes nothing.
    """
    require(request.user, RESCORE)
    return actions.outcomes_rescore(actor=request.user, version=payload.version, request=request)
