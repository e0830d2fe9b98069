"""Users, their organisation and their role."""

import hashlib

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROGRAMME_ORGANISATION_SLUG = "programa"


class Organisation(models.Model):
    """An organisation or institution: the directory every app points at instead of free-text names.

    Units (an MP prosecutor's office, a municipal office, a court) are organisations with a ``parent``.
    """

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Programme")
        SHELTER = "shelter", _("Shelter")
        TRAINING = "training", _("Training institute")
        EMPLOYER = "employer", _("Employer")
        GOVERNMENT = "government", _("Government body")
        HEALTH = "health", _("Health service")
        CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
        MINISTRY = "ministry", _("Ministry")
        JUDICIARY = "judiciary", _("Judiciary (courts)")
        PROSECUTION = "prosecution", _("Public Prosecutor's Office (MP) or one of its units")
        PGN = "pgn", _("Attorney General's Office (PGN)")
        SVET = "svet", _("Secretariat against sexual violence, exploitation and trafficking (SVET)")
        PDH = "pdh", _("Human Rights Ombudsman (PDH)")
        REGISTRY = "registry", _("Civil registry (RENAP)")
        POLICE = "police", _("Police (PNC)")
        MIGRATION = "migration", _("Migration authority")
        LEGISLATURE = "legislature", _("Congress or one of its commissions")
        MUNICIPALITY = "municipality", _("Municipality or municipal office")
        CONSULATE = "consulate", _("Consulate")
        NGO = "ngo", _("NGO")
        INTERNATIONAL = "international", _("International organisation")
        DONOR = "donor", _("Donor")
        SCHOOL = "school", _("School")
        MEDIA = "media", _("Media (radio, press)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    is_active = models.BooleanField(_("active"), default=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("part of"),
    )
    department = models.ForeignKey(
        "geo.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An organisation cannot be a unit of itself.")})
        if self.municipality_id and self.department_id and self.municipality.department_id != self.department_id:
            raise ValidationError({"municipality": _("The municipality is not in that department.")})


class OrganisationContact(models.Model):
    """A person to call at an institution (an official, not a returnee)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class RetornoUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        # createsuperuser cannot ask for an organisation: administrators belong to the programme.
        if "organisation" not in extra_fields and "organisation_id" not in extra_fields:
            extra_fields["organisation"] = Organisation.objects.get(slug=PROGRAMME_ORGANISATION_SLUG)
        extra_fields.setdefault("role", User.Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    class Role(models.TextChoices):
        RECEPTION = "reception", _("Reception clerk")
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial staff")
        PROTECTION = "protection", _("Protection officer")
        REINTEGRATION = "reintegration", _("Reintegration officer")
        PARTNER = "partner", _("Partner organisation")
        MONITORING = "monitoring", _("M&E officer")
        MANAGER = "manager", _("Programme manager")
        INSTITUTIONS = "institutions", _("Programme officer for institutions")
        ADMIN = "admin", _("Administrator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", verbose_name=_("organisation")
    )
    supervisor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervised",
        verbose_name=_("supervisor"),
    )

    objects = RetornoUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class ApiToken(models.Model):
    """A bearer token for the REST API; only its SHA-256 digest is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    # Digest of the user's password hash when the token was issued: a password change (by any
    # path: the page, the admin, ``changepassword``) makes every older token stop working.
    credential_stamp = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token of {self.user} until {self.expires_at:%Y-%m-%d %H:%M}"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def stamp_for(user: User) -> str:
        return hashlib.sha256(f"api-token:{user.password}".encode()).hexdigest()

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


# The second factor's recovery codes (a django-otp device plugin) live beside the code that uses them.
from retorno.accounts.second_factor.models import RecoveryCode, RecoveryCodeDevice  # noqa: E402,F401
