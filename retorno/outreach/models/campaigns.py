"""Prevention campaigns: objective, audience, area, channels, materials, activities and their reach."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.outreach.models.common import NON_NEGATIVE


class Channel(models.TextChoices):
    SCHOOLS = "schools", _("Schools")
    RADIO = "radio", _("Radio")
    COMMUNITY = "community", _("Community meetings")
    MUNICIPAL = "municipal", _("Municipal offices")
    SOCIAL_MEDIA = "social_media", _("Social media")
    PRINT = "print", _("Printed material")


class Campaign(models.Model):
    class Audience(models.TextChoices):
        SCHOOLS = "schools", _("Pupils and teachers")
        COMMUNITIES = "communities", _("Communities")
        RADIO = "radio", _("Radio listeners")
        FAMILIES = "families", _("Families of migrants")
        OFFICIALS = "officials", _("Municipal officials")

    name = models.CharField(_("name"), max_length=200, unique=True)
    objective = models.TextField(_("objective"))
    audience = models.CharField(_("audience"), max_length=15, choices=Audience.choices)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    municipalities = models.ManyToManyField(
        "geo.Municipality", blank=True, related_name="+", verbose_name=_("municipalities")
    )
    partners = models.ManyToManyField("accounts.Organisation", blank=True, related_name="+", verbose_name=_("partners"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        unknown = set(self.channels or []) - set(Channel.values)
        if unknown:
            raise ValidationError({"channels": _("Unknown channel: %(c)s") % {"c": ", ".join(sorted(unknown))}})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The campaign cannot end before it starts.")})

    def get_channels_display(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(c, c)) for c in self.channels]


class CampaignMaterial(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="outreach/materials/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class CampaignActivity(models.Model):
    """One activity of a campaign and whom it reached (by sex and age where known)."""

    class Kind(models.TextChoices):
        SCHOOL_TALK = "school_talk", _("Talk at a school")
        BROADCAST = "broadcast", _("Radio broadcast")
        COMMUNITY = "community", _("Community meeting")
        FAIR = "fair", _("Fair or public event")
        DISTRIBUTION = "distribution", _("Distribution of materials")
        WORKSHOP = "workshop", _("Workshop")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    date = models.DateField(_("date"))
    municipality = models.ForeignKey(
        "geo.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("where")
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    reached_female = models.PositiveIntegerField(_("women and girls reached"), default=0, validators=NON_NEGATIVE)
    reached_male = models.PositiveIntegerField(_("men and boys reached"), default=0, validators=NON_NEGATIVE)
    reached_unknown = models.PositiveIntegerField(_("reached, sex not known"), default=0, validators=NON_NEGATIVE)
    reached_minors = models.PositiveIntegerField(_("of whom under 18"), default=0, validators=NON_NEGATIVE)
    schools = models.PositiveIntegerField(_("schools"), default=0, validators=NON_NEGATIVE)
    broadcasts = models.PositiveIntegerField(_("broadcasts"), default=0, validators=NON_NEGATIVE)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("campaign activity")
        verbose_name_plural = _("campaign activities")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.date:%d/%m/%Y}"

    @property
    def reached(self) -> int:
        return self.reached_female + self.reached_male + self.reached_unknown

    def clean(self) -> None:
        if self.reached_minors > self.reached:
            raise ValidationError({"reached_minors": _("More minors than people reached.")})
