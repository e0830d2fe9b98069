"""Reference data the officers and managers keep: courses, vacancies, follow-up schedules.

Donors and budget lines are the programme ledger's (``retorno.funding``).
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Sector(models.TextChoices):
    CONSTRUCTION = "construction", _("Construction")
    CULINARY = "culinary", _("Culinary and food")
    LOGISTICS = "logistics", _("Loading, transport and logistics")
    HEAVY_MACHINERY = "heavy_machinery", _("Heavy machinery")
    CALL_CENTRE = "call_centre", _("Call centres")
    AGRICULTURE = "agriculture", _("Agriculture")
    MECHANICS = "mechanics", _("Auto mechanics")
    TEXTILES = "textiles", _("Sewing and textiles")
    COMMERCE = "commerce", _("Commerce and retail")
    IT = "it", _("Computing")
    OTHER = "other", _("Other")


class Course(models.Model):
    """A course (e.g. INTECAP's baking course) or a Ministry of Education equivalency title."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Training course")
        EQUIVALENCY = "equivalency", _("Equivalency title (Ministry of Education)")

    institution = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("institution")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.COURSE)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, default=Sector.OTHER)
    hours = models.PositiveIntegerField(_("hours"), null=True, blank=True)
    cost = models.DecimalField(_("cost (GTQ)"), max_digits=10, decimal_places=2, default=Decimal("0"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["institution__name", "name"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [models.UniqueConstraint(fields=["institution", "name"], name="unique_course_per_institution")]

    def __str__(self) -> str:
        return f"{self.name} ({self.institution})"


class Vacancy(models.Model):
    """A job offered by an employer partner (an Organisation of kind employer)."""

    employer = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("employer")
    )
    title = models.CharField(pgettext_lazy("job vacancy", "position"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    municipality = models.ForeignKey(
        "geo.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("where")
    )
    positions = models.PositiveIntegerField(_("positions"), default=1, validators=[MinValueValidator(1)])
    requirements = models.TextField(_("requirements"), blank=True)
    posted_on = models.DateField(_("posted on"))
    is_open = models.BooleanField(pgettext_lazy("job vacancy", "open"), default=True)

    class Meta:
        ordering = ["-is_open", "-posted_on", "id"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def __str__(self) -> str:
        return f"{self.title} · {self.employer}"


class FollowUpTrigger(models.TextChoices):
    ARRIVAL = "arrival", _("Arrival")
    DOCUMENT = "document", _("Document issued")
    TRAINING = "training", _("Training completed")
    JOB = "job", _("Hired (job retention)")
    GRANT = "grant", _("Business grant disbursed")


DEFAULT_FOLLOW_UP_MONTHS = {
    FollowUpTrigger.ARRIVAL: [1, 3, 6, 12],
    FollowUpTrigger.DOCUMENT: [1],
    FollowUpTrigger.TRAINING: [1, 3, 6, 12],
    FollowUpTrigger.JOB: [3, 6, 12],
    FollowUpTrigger.GRANT: [1, 3, 6, 12],
}


class FollowUpSchedule(models.Model):
    """How many months after an arrival or a service the follow-ups fall due (configurable)."""

    trigger = models.CharField(_("after"), max_length=10, choices=FollowUpTrigger.choices, unique=True)
    months = models.JSONField(_("months"), default=list, help_text=_("For example [1, 3, 6, 12]."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["trigger"]
        verbose_name = _("follow-up schedule")
        verbose_name_plural = _("follow-up schedules")

    def __str__(self) -> str:
        return f"{self.get_trigger_display()}: {self.months}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if not isinstance(self.months, list) or not all(isinstance(m, int) and 0 < m <= 60 for m in self.months):
            raise ValidationError({"months": _("A list of whole months between 1 and 60.")})
