"""The person registry: identity (tier 1), identifiers, contacts and consent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retorno.lib.workflow import StatusPipeline
from retorno.people.cui import cui_problem


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    UNKNOWN = "U", _("Not recorded")


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("Exact date")
    MONTH = "month", _("Month and year")
    YEAR = "year", _("Year only")
    ESTIMATED = "estimated", _("Estimated")


class PeopleGroup(models.TextChoices):
    """Self-identified people (pueblo), as in Guatemala's census."""

    MAYA = "maya", _("Maya")
    GARIFUNA = "garifuna", _("Garífuna")
    XINKA = "xinka", _("Xinka")
    LADINO = "ladino", _("Ladino / mestizo")
    AFRODESCENDANT = "afro", _("Afro-descendant / Creole")
    FOREIGN = "foreign", _("Foreign")
    NOT_STATED = "not_stated", _("Not stated")


class Education(models.TextChoices):
    NONE = "none", _("No schooling")
    PRIMARY_INCOMPLETE = "primary_incomplete", _("Primary, incomplete")
    PRIMARY = "primary", _("Primary (elementary)")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary (básico)")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary (diversificado)")
    UNIVERSITY = "university", _("University")
    UNKNOWN = "unknown", _("Not recorded")


class Language(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    ACHI = "acr", "Achi"
    AKATEKO = "knj", "Akateko"
    AWAKATEKO = "agu", "Awakateko"
    CHALCHITEKO = "chalchiteko", "Chalchiteko"
    CHORTI = "caa", "Ch'orti'"
    CHUJ = "cac", "Chuj"
    GARIFUNA = "cab", "Garífuna"
    ITZA = "itz", "Itza'"
    IXIL = "ixl", "Ixil"
    JAKALTEKO = "jac", "Jakalteko (Popti')"
    KAQCHIKEL = "cak", "Kaqchikel"
    KICHE = "quc", "K'iche'"
    MAM = "mam", "Mam"
    MOPAN = "mop", "Mopan"
    POQOMAM = "poc", "Poqomam"
    POQOMCHI = "poh", "Poqomchi'"
    QANJOBAL = "kjb", "Q'anjob'al"
    QEQCHI = "kek", "Q'eqchi'"
    SAKAPULTEKO = "quv", "Sakapulteko"
    SIPAKAPENSE = "qum", "Sipakapense"
    TEKTITEKO = "ttc", "Tektiteko"
    TZUTUJIL = "tzj", "Tz'utujil"
    USPANTEKO = "usp", "Uspanteko"
    XINKA = "xin", "Xinka"
    OTHER = "other", _("Other")


class Person(models.Model):
    """A returnee. One row per human being; arrivals, cases and referrals hang off it."""

    given_names = models.CharField(_("given names"), max_length=120)
    # Kept apart and as written, particles included ("de León"): matching folds them.
    first_surname = models.CharField(_("first surname"), max_length=80)
    second_surname = models.CharField(_("second surname"), max_length=80, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_date_precision = models.CharField(
        _("precision of the date of birth"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.EXACT
    )
    cui = models.CharField(_("CUI (DPI number)"), max_length=13, blank=True, db_index=True)
    nationality = models.ForeignKey(
        "geo.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("nationality")
    )
    origin_municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality of origin"),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    people_group = models.CharField(
        _("people (self-identified)"), max_length=12, choices=PeopleGroup.choices, default=PeopleGroup.NOT_STATED
    )
    education = models.CharField(_("education"), max_length=20, choices=Education.choices, default=Education.UNKNOWN)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Set when this record was found to be a duplicate and merged into another.
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            models.Index(fields=["first_surname", "given_names"]),
            models.Index(fields=["birth_date"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_languages_display(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.first_surname, self.second_surname) if p)

    @property
    def cui_problem(self) -> str | None:
        return cui_problem(self.cui) if self.cui else None

    def age_on(self, day) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())


class NameToken(models.Model):
    """Folded words of a person's names and identifiers, for fast accent-blind search."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=40)

    class Meta:
        indexes = [
            # Covering (token, person): a prefix search never touches the table. On PostgreSQL the
            # pattern opclass lets LIKE 'prefix%' use it whatever the database collation; SQLite
            # ignores opclasses and range-scans it (see people.queries.token_prefix).
            models.Index(
                fields=["token", "person"],
                name="people_token_person_idx",
                opclasses=["varchar_pattern_ops", "int8_ops"],
            ),
        ]
        constraints = [models.UniqueConstraint(fields=["person", "token"], name="unique_person_token")]

    def __str__(self) -> str:
        return self.token


class Identifier(models.Model):
    class Kind(models.TextChoices):
        PASSPORT = "passport", _("Passport")
        US_ALIEN_NUMBER = "us_a_number", _("US alien number (A-number)")
        BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")
        CONSULAR_ID = "consular_id", _("Consular ID")
        OTHER = "other", _("Other")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("number"), max_length=40)
    normalised = models.CharField(max_length=40, db_index=True, editable=False)
    country = models.ForeignKey(
        "geo.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("issued by")
    )

    class Meta:
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "normalised"], name="unique_identifier_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"


class Contact(models.Model):
    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("Email")
        ADDRESS = "address", _("Address")

    class Where(models.TextChoices):
        GUATEMALA = "gt", _("In Guatemala")
        ABROAD = "abroad", _("Abroad")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value = models.CharField(_("contact"), max_length=200)
    where = models.CharField(_("where"), max_length=10, choices=Where.choices, default=Where.GUATEMALA)
    label = models.CharField(_("whose / note"), max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["where", "kind", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class Consent(models.Model):
    """One consent decision. The latest decision per purpose is the one in force."""

    class Purpose(models.TextChoices):
        FOLLOW_UP = "follow_up", _("Being contacted for follow-up")
        REINTEGRATION = "reintegration", _("Reintegration support")
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial care")
        SHARE_WITH_PARTNERS = "share_partners", _("Sharing data with partner organisations")
        PROTECTION = "protection", _("Protection and victim assistance")
        RESEARCH = "research", _("Anonymised research and statistics")

    class GivenBy(models.TextChoices):
        SELF = "self", _("The person")
        GUARDIAN = "guardian", _("Parent or guardian")
        BEST_INTEREST = "best_interest", _("Best-interest decision")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    given = models.BooleanField(_("given"))
    given_by = models.CharField(_("given by"), max_length=15, choices=GivenBy.choices, default=GivenBy.SELF)
    guardian_name = models.CharField(_("guardian or decision-maker"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Recorded inside a protection case: sealed (tier 2), like the case. Knowing that someone
    # consented to victim assistance tells who is a victim, so only the case's readers see it.
    sealed = models.BooleanField(_("recorded inside protection (sealed)"), default=False)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["person", "purpose", "-at"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {'✓' if self.given else '✗'}"


# --- Identity matching ---------------------------------------------------------------------


class PersonMatchKey(models.Model):
    """One blocking key of a live person (see ``matching/keys.py``): who is worth comparing with whom.

    Kept up to date by every action that writes a person's identity, in the same transaction.
    """

    key = models.CharField(max_length=64)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["key", "person"])]

    def __str__(self) -> str:
        return self.key


def ordered_pair(a_id: int, b_id: int) -> tuple[int, int]:
    """A pair of persons is stored once, lower id first."""
    return (a_id, b_id) if a_id < b_id else (b_id, a_id)


class MatchCandidatePair(StatusPipeline, models.Model):
    """Two live records that may be the same person, waiting for a human decision."""

    class Band(models.TextChoices):
        UNIQUE = "unique", _("Unique")
        NEEDS_REVIEW = "needs_review", _("Needs review")
        DUPLICATE = "duplicate", _("Likely duplicate")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for review")
        MERGED = "merged", _("Merged")
        NOT_SAME = "not_same", _("Not the same person")
        UNMERGED = "unmerged", _("Merge undone")

    # From each status, the statuses it may move to (see match_actions.pair_set_status).
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.OPEN: frozenset({Status.MERGED, Status.NOT_SAME}),
        Status.MERGED: frozenset({Status.UNMERGED}),
        Status.UNMERGED: frozenset({Status.MERGED, Status.NOT_SAME}),
        Status.NOT_SAME: frozenset(),
    }
    STATUS_TONES = {Status.OPEN: "warn", Status.MERGED: "ok"}

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField(_("probability"))
    weight = models.FloatField(_("evidence (bits)"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, help_text="[[code, field, weight], ...] strongest first")
    band = models.CharField(_("band"), max_length=12, choices=Band.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    source = models.CharField(_("found by"), max_length=20, default="registration")
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("candidate pair")
        verbose_name_plural = _("candidate pairs")
        ordering = ["-probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="unique_match_candidate_pair"),
            models.CheckConstraint(condition=models.Q(person_a__lt=models.F("person_b")), name="match_pair_ordered"),
        ]
        indexes = [models.Index(fields=["status", "-probability"])]

    SOURCES = {"registration": _("Registration"), "batch": _("Batch review of the registry"), "checkin": _("Check-in")}

    def get_source_display(self) -> str:
        return str(self.SOURCES.get(self.source, self.source))

    def __str__(self) -> str:
        return f"{self.person_a_id} ~ {self.person_b_id} ({self.probability:.2f})"


class NotSamePerson(models.Model):
    """A remembered decision: these two records are different people; never propose them again."""

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("not the same person")
        verbose_name_plural = _("not the same person")
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="unique_not_same_person"),
            models.CheckConstraint(condition=models.Q(person_a__lt=models.F("person_b")), name="not_same_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.person_a_id} ≠ {self.person_b_id}"


class PersonMerge(models.Model):
    """One merge: which rows moved from the merged-away record to the kept one, so unmerge moves them back.

    ``moved`` is ``[[app_label.model, field, [pks...]], ...]``; ``stayed`` lists rows that could not move
    (e.g. the same passport on both records) and stayed, untouched, on the merged-away record.
    """

    kept = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    pair = models.ForeignKey(MatchCandidatePair, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    moved = models.JSONField(default=list)
    stayed = models.JSONField(default=list)
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    merged_at = models.DateTimeField(default=timezone.now)
    unmerged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unmerged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("merge")
        verbose_name_plural = _("merges")
        ordering = ["-merged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.kept_id}"
