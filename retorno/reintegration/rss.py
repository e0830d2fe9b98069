"""Reintegration Sustainability Survey (RSS) scoring, versioned so scores can be recomputed.

IOM's RSS measures reintegration along three dimensions: economic, social and psychosocial.
Retorno stores the raw answers of every follow-up (a dict keyed by question code) and computes
the scores with a named scoring version. A version is data: its questions, the value of each
answer (0 worst, 1 best, ``None`` for "not applicable"), a weight per question and per dimension,
and the share of a dimension's questions that must be answered. Versions are never edited once
used; a new one is added beside the old, and managers recompute stored outcomes with it
(``outcomes_rescore``, the survey-scoring page, ``POST /api/v1/reintegration/rss/rescore``).

Version ``retorno-rss-1`` (the default):
- each answer maps to a value between 0 (worst) and 1 (best); "not applicable" counts as unanswered;
- a dimension's score is the mean of its answered questions (every weight 1), and is left empty when
  fewer than half of its questions were answered;
- the composite is the mean of the three dimensions, weighted equally, and is empty unless all three
  have a score. Equal weights are a transparent choice, not IOM's published weights.

IOM's own scoring system (15 indicators across the three dimensions, with a weight per question)
comes from the MEASURE study (Samuel Hall for IOM, "Setting Standards for an Integrated Approach to
Reintegration", 2017) and is reproduced in IOM's Reintegration Handbook (2019, Annex 4, "Reintegration
Sustainability Survey and scoring system"). Its weight table could not be read from this project's
reference material, so it is not encoded. Adding it is one more ``Scoring`` in ``VERSIONS`` (code
``iom-rss-2017``, IOM's questions, answer values and weights, with the source), then a rescore.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DIMENSIONS = ("economic", "social", "psychosocial")
DIMENSION_LABELS = {"economic": _("Economic"), "social": _("Social"), "psychosocial": _("Psychosocial")}

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


OPTION_LABELS = {
    "very_satisfied": pgettext_lazy("survey answer", "Very satisfied"),
    "satisfied": pgettext_lazy("survey answer", "Satisfied"),
    "neutral": pgettext_lazy("survey answer", "Neither"),
    "dissatisfied": pgettext_lazy("survey answer", "Dissatisfied"),
    "very_dissatisfied": pgettext_lazy("survey answer", "Very dissatisfied"),
    "never": pgettext_lazy("survey answer", "Never"),
    "rarely": pgettext_lazy("survey answer", "Rarely"),
    "sometimes": pgettext_lazy("survey answer", "Sometimes"),
    "often": pgettext_lazy("survey answer", "Often"),
    "yes": pgettext_lazy("survey answer", "Yes"),
    "no": pgettext_lazy("survey answer", "No"),
    "none": pgettext_lazy("survey answer", "None"),
    "less": pgettext_lazy("survey answer", "Less"),
    "about_same": pgettext_lazy("survey answer", "About the same"),
    "more": pgettext_lazy("survey answer", "More"),
    "looking": pgettext_lazy("survey answer", "No, looking for work"),
    "very_good": pgettext_lazy("survey answer", "Very good"),
    "good": pgettext_lazy("survey answer", "Good"),
    "fair": pgettext_lazy("survey answer", "Fair"),
    "bad": pgettext_lazy("survey answer", "Bad"),
    "very_bad": pgettext_lazy("survey answer", "Very bad"),
    "always": pgettext_lazy("survey answer", "Always"),
    "all": pgettext_lazy("survey answer", "All"),
    "some": pgettext_lazy("survey answer", "Some"),
    "not_applicable": pgettext_lazy("survey answer", "Not applicable"),
    "strongly_agree": pgettext_lazy("survey answer", "Strongly agree"),
    "agree": pgettext_lazy("survey answer", "Agree"),
    "disagree": pgettext_lazy("survey answer", "Disagree"),
    "strongly_disagree": pgettext_lazy("survey answer", "Strongly disagree"),
}


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


@dataclass(frozen=True)
class Scoring:
    """One scoring version: which questions, how each answer counts, and the weights."""

    code: str
    name: str
    method: str
    source: str
    questions: tuple[Question, ...]
    weights: dict = field(default_factory=dict)  # question code -> weight (1 when absent)
    dimension_weights: dict = field(default_factory=dict)  # dimension -> weight (1 when absent)
    min_answered_share: float = 0.5

    def weight(self, code: str) -> float:
        return self.weights.get(code, 1.0)

    def dimension_weight(self, dimension: str) -> float:
        return self.dimension_weights.get(dimension, 1.0)


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


def _weighted_mean(pairs: list[tuple[float, float]]) -> float:
    return round(sum(value * weight for value, weight in pairs) / sum(weight for _value, weight in pairs), 3)


def score_with(scoring: Scoring, answers: dict) -> Scores:
    """Score raw ``answers`` with ``scoring``: weighted means per dimension, then of the dimensions."""
    _validate(answers, scoring.questions)
    by_dimension = {}
    for dimension in DIMENSIONS:
        asked = [q for q in scoring.questions if q.dimension == dimension]
        answered = [
            (q.options[answers[q.code]], scoring.weight(q.code))
            for q in asked
            if q.code in answers and q.options[answers[q.code]] is not None
        ]
        enough = answered and len(answered) >= scoring.min_answered_share * len(asked)
        by_dimension[dimension] = _weighted_mean(answered) if enough else None
    parts = [(by_dimension[d], scoring.dimension_weight(d)) for d in DIMENSIONS]
    composite = _weighted_mean(parts) if all(value is not None for value, _weight in parts) else None
    return Scores(
        scoring.code, by_dimension["economic"], by_dimension["social"], by_dimension["psychosocial"], composite
    )


RETORNO_RSS_1 = Scoring(
    code="retorno-rss-1",
    name=_("Retorno, equal weights (version 1)"),
    method=_(
        "Each answer counts from 0 (worst) to 1 (best). A dimension is the mean of its answered questions, "
        "left empty when fewer than half were answered. The composite is the mean of the three dimensions, "
        "and is empty unless all three have a score. Every question and every dimension weighs the same."
    ),
    source=_(
        "Questions adapted from IOM's Reintegration Sustainability Survey (Samuel Hall/IOM, \"Setting Standards "
        'for an Integrated Approach to Reintegration", 2017; IOM Reintegration Handbook, 2019, Annex 4). '
        "The weights are Retorno's, not IOM's."
    ),
    questions=QUESTIONS_V1,
)

VERSIONS = {scoring.code: scoring for scoring in (RETORNO_RSS_1,)}
CURRENT_VERSION = RETORNO_RSS_1.code


def scoring(version: str = CURRENT_VERSION) -> Scoring:
    if version not in VERSIONS:
        raise ValidationError({"rss_version": _("Unknown survey scoring version.")})
    return VERSIONS[version]


def questions(version: str = CURRENT_VERSION) -> tuple[Question, ...]:
    return scoring(version).questions


def score(answers: dict, version: str = CURRENT_VERSION) -> Scores:
    """Compute the RSS scores of ``answers`` with scoring ``version``."""
    return score_with(scoring(version), answers)
