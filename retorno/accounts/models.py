"""Users, their organisation and their role."""

import hashlib

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROGRAMME_ORGANISATION_SLUG = "programa"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Programme")
        SHELTER = "shelter", _("Shelter")
        TRAINING = "training", _("Training institute")
        EMPLOYER = "employer", _("Employer")
        GOVERNMENT = "government", _("Government body")
        HEALTH = "health", _("Health service")
        CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


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
