"""Reintegration Sustainability Survey (RSS) scoring, versioned so scores can be recomputed.

IOM's RSS measures reintegration along three dimensions: economic, social and psychosocial.
Retorno stores the raw answers of every follow-up (a dict keyed by question code) and computes
the scores with the function of a named version. A new version (for example IOM's published
weights) is added alongside the old ones; ``outcome_rescore`` recomputes any outcome with it.

Version ``retorno-rss-1`` (the default):
- each answer maps to a value between 0 (worst) and 1 (best); "not applicable" counts as unanswered;
- a dimension's score is the mean of its answered questions, and is left empty when fewer than
  half of its questions were answered;
- the composite is the mean of the three dimensions, weighted equally, and is empty unless all three
  have a score. Equal weights are a transparent choice, not IOM's published weights.

IOM's own scoring system (15 indicators across the three dimensions, with a weight per question)
comes from the MEASURE study (Samuel Hall for IOM, "Setting Standards for an Integrated Approach to
Reintegration", 2017) and is reproduced in IOM's Reintegration Handbook (2019, Module 5 and its
annexes on the Reintegration Sustainability Survey). Its weight table could not be read from this
project's reference material, so it is not encoded: a version ``iom-rss-2017`` belongs beside
``retorno-rss-1`` once the table is copied from the publication, and ``outcome_rescore`` then
recomputes every stored outcome from its raw answers.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DIMENSIONS = ("economic", "social", "psychosocial")

FIVE_SATISFACTION = {
    "very_satisfied": 1.0,
    "satisfied": 0.75,
    "neutral": 0.5,
    "dissatisfied": 0.25,
    "very_dissatisfied": 0.0,
}
FIVE_QUALITY = {"very_good": 1.0, "good": 0.75, "fair": 0.5, "bad": 0.25, "very_bad": 0.0}
FIVE_AGREEMENT = {"strongly_agree": 1.0, "agree": 0.75, "neutral": 0.5, "disagree": 0.25, "strongly_disagree": 0.0}
FREQUENCY_GOOD_IF_NEVER = {"never": 1.0, "rarely": 0.67, "sometimes": 0.33, "often": 0.0}
YES_NO = {"yes": 1.0, "no": 0.0}


@dataclass(frozen=True)
class Question:
    code: str
    dimension: str
    text: str
    options: dict  # answer code -> value in [0, 1], or None for "not applicable"


QUESTIONS_V1 = (
    Question(
        "econ_satisfaction",
        "economic",
        _("How satisfied are you with your current economic situation?"),
        FIVE_SATISFACTION,
    ),
    Question(
        "econ_food",
        "economic",
        _("How often did you have to eat less or worse food because of its cost?"),
        FREQUENCY_GOOD_IF_NEVER,
    ),
    Question("econ_borrow", "economic", _("If you needed to, could you borrow money?"), YES_NO),
    Question(
        "econ_debt",
        "economic",
        _("How do your debts compare with your monthly spending?"),
        {"none": 1.0, "less": 0.67, "about_same": 0.33, "more": 0.0},
    ),
    Question("econ_work", "economic", _("Are you working?"), {"yes": 1.0, "looking": 0.5, "no": 0.0}),
    Question("soc_housing", "social", _("How do you rate your housing?"), FIVE_QUALITY),
    Question("soc_health", "social", _("How do you rate your access to health services?"), FIVE_QUALITY),
    Question("soc_documents", "social", _("Do you have an identity document (DPI)?"), YES_NO),
    Question(
        "soc_water", "social", _("Do you have safe drinking water?"), {"always": 1.0, "sometimes": 0.5, "never": 0.0}
    ),
    Question(
        "soc_children_school",
        "social",
        _("Do the school-age children in your household go to school?"),
        {"all": 1.0, "some": 0.5, "none": 0.0, "not_applicable": None},
    ),
    Question("psy_belonging", "psychosocial", _("I feel I belong to the community where I live."), FIVE_AGREEMENT),
    Question(
        "psy_activities",
        "psychosocial",
        _("How often do you take part in community activities?"),
        {"often": 1.0, "sometimes": 0.5, "never": 0.0},
    ),
    Question("psy_support", "psychosocial", _("Do you have people you can count on?"), YES_NO),
    Question(
        "psy_discrimination", "psychosocial", _("How often do you feel discriminated against?"), FREQUENCY_GOOD_IF_NEVER
    ),
    Question(
        "psy_distress",
        "psychosocial",
        _("How often do you feel afraid, angry, sad or stressed?"),
        FREQUENCY_GOOD_IF_NEVER,
    ),
)


@dataclass(frozen=True)
class Scores:
    version: str
    economic: float | None
    social: float | None
    psychosocial: float | None
    composite: float | None


def _validate(answers: dict, questions: tuple[Question, ...]) -> None:
    known = {q.code: q for q in questions}
    errors = {}
    for code, answer in answers.items():
        if code not in known:
            errors[code] = _("Unknown survey question.")
        elif answer not in known[code].options:
            errors[code] = _("Not one of the allowed answers: %(options)s.") % {
                "options": ", ".join(known[code].options)
            }
    if errors:
        raise ValidationError({"rss_answers": [f"{code}: {message}" for code, message in errors.items()]})


def score_v1(answers: dict) -> Scores:
    """Score raw answers with version ``retorno-rss-1`` (see the module docstring)."""
    _validate(answers, QUESTIONS_V1)
    by_dimension = {}
    for dimension in DIMENSIONS:
        questions = [q for q in QUESTIONS_V1 if q.dimension == dimension]
        values = [q.options[answers[q.code]] for q in questions if q.code in answers]
        values = [v for v in values if v is not None]
        by_dimension[dimension] = round(sum(values) / len(values), 3) if len(values) * 2 >= len(questions) else None
    parts = list(by_dimension.values())
    composite = round(sum(parts) / 3, 3) if all(p is not None for p in parts) else None
    return Scores(
        "retorno-rss-1", by_dimension["economic"], by_dimension["social"], by_dimension["psychosocial"], composite
    )


VERSIONS = {"retorno-rss-1": (QUESTIONS_V1, score_v1)}
CURRENT_VERSION = "retorno-rss-1"


def questions(version: str = CURRENT_VERSION) -> tuple[Question, ...]:
    return VERSIONS[version][0]


def score(answers: dict, version: str = CURRENT_VERSION) -> Scores:
    """Compute the RSS scores of ``answers`` with the scoring function of ``version``."""
    if version not in VERSIONS:
        raise ValidationError({"rss_version": _("Unknown survey scoring version.")})
    return VERSIONS[version][1](answers)
