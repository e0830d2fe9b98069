"""Demo organisations and one user per role (idempotent)."""

import os

from django.db import transaction

from retorno.accounts.models import PROGRAMME_ORGANISATION_SLUG, Organisation, User

DEFAULT_DEMO_PASSWORD = "retorno-demo-2026"  # noqa: S105 (demo users only; documented)

K = Organisation.Kind
# slug, name, kind, acronym
ORGANISATIONS = [
    ("casa-del-migrante", "Casa del Migrante", K.SHELTER, ""),
    ("intecap", "INTECAP", K.TRAINING, ""),
    ("call-center-gt", "Centro de Llamadas Guatemala, S.A.", K.EMPLOYER, ""),
    ("mp-fiscalia-trata", "Ministerio Público — Fiscalía contra la Trata de Personas", K.PROSECUTION, "FTP"),
    ("pgn", "Procuraduría General de la Nación (PGN)", K.PGN, "PGN"),
    ("renap", "Registro Nacional de las Personas", K.REGISTRY, "RENAP"),
    ("refugio-ninez", "El Refugio de la Niñez", K.CIVIL_SOCIETY, ""),
    ("hospital-nacional-salud-mental", "Hospital Nacional de Salud Mental", K.HEALTH, ""),
]

# username, first name, last name, role, organisation slug
USERS = [
    ("recepcion", "Ana", "Recepción", User.Role.RECEPTION, PROGRAMME_ORGANISATION_SLUG),
    ("psicologia", "Lucía", "Psicología", User.Role.PSYCHOSOCIAL, PROGRAMME_ORGANISATION_SLUG),
    ("proteccion", "Marta", "Protección", User.Role.PROTECTION, PROGRAMME_ORGANISATION_SLUG),
    ("reintegracion", "Carlos", "Reintegración", User.Role.REINTEGRATION, PROGRAMME_ORGANISATION_SLUG),
    ("albergue", "Rosa", "Albergue", User.Role.PARTNER, "casa-del-migrante"),
    ("monitoreo", "Jorge", "Monitoreo", User.Role.MONITORING, PROGRAMME_ORGANISATION_SLUG),
    ("gerencia", "Elena", "Gerencia", User.Role.MANAGER, PROGRAMME_ORGANISATION_SLUG),
    ("admin", "Admin", "Sistema", User.Role.ADMIN, PROGRAMME_ORGANISATION_SLUG),
]


def demo_password() -> str:
    return os.getenv("RETORNO_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)


@transaction.atomic
def load(*, options: dict, stdout) -> None:
    for slug, name, kind, acronym in ORGANISATIONS:
        Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "acronym": acronym})
    orgs = {o.slug: o for o in Organisation.objects.all()}
    created = 0
    for username, first, last, role, org in USERS:
        user, is_new = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "role": role, "organisation": orgs[org]},
        )
        if is_new:
            user.set_password(demo_password())
            user.is_staff = user.is_superuser = role == User.Role.ADMIN
            user.save()
            created += 1
    manager = User.objects.get(username="gerencia")
    User.objects.filter(
        username__in=["recepcion", "psicologia", "proteccion", "reintegracion"], supervisor=None
    ).update(supervisor=manager)
    stdout.write(f"users: {created} created, {len(USERS) - created} already there")
    enrol_second_factor(stdout=stdout)


def enrol_second_factor(*, stdout) -> None:
    """Give each demo user whose role needs a second factor an authenticator, and print its secret.

    Demo accounts only (their password is public anyway): type the secret into an authenticator
    app, or get a code with ``oathtool --totp -b SECRET``, to sign in.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from retorno.accounts.access import needs_second_factor
    from retorno.accounts.second_factor.queries import secret_text

    for user in User.objects.filter(username__in=[u[0] for u in USERS]).order_by("username"):
        if not needs_second_factor(user):
            continue
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="demo authenticator", confirmed=True)
        stdout.write(f"second factor (TOTP) of {user.username}: {secret_text(device)}  ({device.config_url})")
