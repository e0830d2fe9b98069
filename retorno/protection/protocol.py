"""The trafficking identification protocol: indirect, structured indicators.

Never a direct "were you trafficked?" question (victims often do not see themselves as
victims, and a blunt question re-victimises). Each indicator is an everyday question whose
answer points to one HTCDS 2.0 value, grouped in the four categories of the Palermo
definition as HTCDS records them: recruitment (``vic_MethodOfRecruitment``), deception and
control (``vic_MethodsOfControl``), exploitation (``vic_TypeOfExploitation``).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


class Category:
    RECRUITMENT = "recruitment"
    DECEPTION = "deception"
    CONTROL = "control"
    EXPLOITATION = "exploitation"

    LABELS = {
        RECRUITMENT: _("Recruitment"),
        DECEPTION: _("Deception"),
        CONTROL: _("Control"),
        EXPLOITATION: _("Exploitation"),
    }


ANSWERS = (
    ("yes", _("Yes")),
    ("no", _("No")),
    ("unknown", _("Does not know")),
    ("declined", _("Prefers not to answer")),
)


@dataclass(frozen=True)
class Indicator:
    code: str
    category: str
    question: str
    htcds_field: str
    htcds_value: str
    # The answer that signals the indicator ("no" for questions about freedom).
    signal: str = "yes"


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "rec_offer",
        Category.RECRUITMENT,
        _("Before you left, did someone offer you a job, the journey or help to cross?"),
        "vic_MethodOfRecruitment",
        "Other",
    ),
    Indicator(
        "rec_family",
        Category.RECRUITMENT,
        _("Was that offer made through relatives or at a family gathering?"),
        "vic_MethodOfRecruitment",
        "ThroughFamilyOrFamilyEvents",
    ),
    Indicator(
        "rec_friends",
        Category.RECRUITMENT,
        _("Was it made through friends or acquaintances?"),
        "vic_MethodOfRecruitment",
        "ThroughFriendsOrSocialEvents",
    ),
    Indicator(
        "rec_online",
        Category.RECRUITMENT,
        _("Did you learn of it on social media or an online advertisement?"),
        "vic_MethodOfRecruitment",
        "ThroughOnlineSocialNetworks",
    ),
    Indicator(
        "dec_conditions",
        Category.DECEPTION,
        _("Were the work or the living conditions different from what you had been told?"),
        "vic_MethodsOfControl",
        "FalsePromises",
    ),
    Indicator(
        "dec_debt",
        Category.DECEPTION,
        _("Did you end up owing money to the people who arranged the journey or the work?"),
        "vic_MethodsOfControl",
        "DebtBondage",
    ),
    Indicator(
        "dec_pay",
        Category.DECEPTION,
        _("Did someone else keep part or all of what you earned?"),
        "vic_MethodsOfControl",
        "TakesEarnings",
    ),
    Indicator(
        "ctl_documents",
        Category.CONTROL,
        _("Did you keep your own identity documents the whole time?"),
        "vic_MethodsOfControl",
        "WithholdsDocuments",
        signal="no",
    ),
    Indicator(
        "ctl_leave",
        Category.CONTROL,
        _("Could you leave the place where you lived or worked when you wanted to?"),
        "vic_MethodsOfControl",
        "Other",
        signal="no",
    ),
    Indicator(
        "ctl_threats",
        Category.CONTROL,
        _("Did anyone threaten you or your family?"),
        "vic_MethodsOfControl",
        "ThreatensChildrenFamily",
    ),
    Indicator(
        "ctl_police",
        Category.CONTROL,
        _("Were you told the police or immigration would harm you if you spoke to anyone?"),
        "vic_MethodsOfControl",
        "ThreatsLawEnforcement",
    ),
    Indicator(
        "ctl_violence",
        Category.CONTROL,
        _("Did anyone you worked for hurt you physically?"),
        "vic_MethodsOfControl",
        "PhysicalAbuse",
    ),
    Indicator(
        "ctl_necessities",
        Category.CONTROL,
        _("Did you have enough food, rest and medical care?"),
        "vic_MethodsOfControl",
        "WithholdsNecessities",
        signal="no",
    ),
    Indicator(
        "exp_hours",
        Category.EXPLOITATION,
        _("Did you work very long days (more than 12 hours) without rest days?"),
        "vic_MethodsOfControl",
        "ExcessiveWorkingHours",
    ),
    Indicator(
        "exp_unpaid_work",
        Category.EXPLOITATION,
        _("Were you made to work for little or no pay to cover a debt or your keep?"),
        "vic_TypeOfExploitation",
        "ForcedLabour",
    ),
    Indicator(
        "exp_sexual",
        Category.EXPLOITATION,
        _("Were you pressed into sexual activity in exchange for money, lodging or the debt?"),
        "vic_TypeOfExploitation",
        "SexualExploitation",
    ),
    Indicator(
        "exp_begging",
        Category.EXPLOITATION,
        _("Were you made to beg or sell in the street for someone else?"),
        "vic_TypeOfExploitation",
        "ForcedBegging",
    ),
    Indicator(
        "exp_domestic",
        Category.EXPLOITATION,
        _("Did you live in the house where you worked, unable to leave or to refuse tasks?"),
        "vic_TypeOfExploitation",
        "Servitude",
    ),
)

INDICATOR_BY_CODE = {i.code: i for i in INDICATORS}
ANSWER_VALUES = {value for value, _label in ANSWERS}


def signalled(answers: dict) -> list[Indicator]:
    """The indicators the recorded answers point to."""
    return [i for i in INDICATORS if answers.get(i.code) == i.signal]


def suggested_result(answers: dict) -> str:
    """A suggestion for the trained staff member, never a decision.

    Probable: exploitation together with deception or control. Possible: any one category.
    """
    categories = {i.category for i in signalled(answers)}
    if Category.EXPLOITATION in categories and categories & {Category.DECEPTION, Category.CONTROL}:
        return "probable"
    if categories - {Category.RECRUITMENT}:
        return "possible"
    return "none"


def htcds_values(answers: dict) -> dict[str, list[str]]:
    """HTCDS multiselect values per field, from the signalled indicators."""
    values: dict[str, list[str]] = {}
    for indicator in signalled(answers):
        field_values = values.setdefault(indicator.htcds_field, [])
        if indicator.htcds_value not in field_values:
            field_values.append(indicator.htcds_value)
    return values


def answered_count(answers: dict) -> int:
    return sum(1 for i in INDICATORS if answers.get(i.code) in ANSWER_VALUES)


def review(answers: dict) -> list[tuple[str, list[dict]]]:
    """Every question by category with the recorded answer's label ('' when not asked) and whether it signals."""
    labels = dict(ANSWERS)
    return [
        (
            label,
            [
                {
                    "question": i.question,
                    "answer": labels.get(answers.get(i.code, ""), ""),
                    "signals": answers.get(i.code) == i.signal,
                }
                for i in INDICATORS
                if i.category == code
            ],
        )
        for code, label in Category.LABELS.items()
    ]
