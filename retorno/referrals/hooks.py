"""What other apps do when a referral moves, registered from their ``AppConfig.ready()``.

Referrals sit below reintegration in the layers: instead of calling into it, ``referral_set_status``
calls the followers registered for the referral's service (reintegration registers the job
referral that follows an employer's answer).
"""

from collections.abc import Callable
from enum import StrEnum

from django.utils.module_loading import import_string

_followers: dict[str, list[Callable | str]] = {}


def register_status_follower(service: str, follower: Callable | str) -> None:
    """Call ``follower(actor=, referral=, request=)`` after each move of a referral for ``service``.

    ``follower`` may be a dotted path, imported when first called (so ``ready()`` imports nothing).
    """
    followers = _followers.setdefault(str(service), [])
    if follower not in followers:
        followers.append(follower)


def status_followers(service: str) -> list[Callable]:
    return [import_string(f) if isinstance(f, str) else f for f in _followers.get(str(service), ())]


# A shelter lets an unaccompanied minor leave only after a verified handover, which the app that
# keeps the chain of custody (protection) knows: it registers ``check(person=, since=)``, answering
# a ``Handover`` (or True for a verified one) or None/False when there is none.
_handover_checks: list[Callable | str] = []


class Handover(StrEnum):
    """A minor's handover found at or after the check-in."""

    VERIFIED = "verified"  # to the PGN, or to family on the assessment that recommended it
    WITHOUT_ASSESSMENT = "without_assessment"  # to family, recorded before assessments were required


def register_minor_handover_check(check: Callable | str) -> None:
    if check not in _handover_checks:
        _handover_checks.append(check)


def minor_handover(*, person, since) -> Handover | None:
    """The best handover of ``person`` at or after ``since`` that a registered check records (a verified
    one first); None without one, so no handover can be proven."""
    checks = [import_string(c) if isinstance(c, str) else c for c in _handover_checks]
    answers = {check(person=person, since=since) for check in checks}
    if True in answers or Handover.VERIFIED in answers:
        return Handover.VERIFIED
    return Handover.WITHOUT_ASSESSMENT if Handover.WITHOUT_ASSESSMENT in answers else None


def minor_handed_over(*, person, since) -> bool:
    """True when a registered check records a handover of ``person`` at or after ``since``."""
    return minor_handover(person=person, since=since) is not None
