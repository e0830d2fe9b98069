"""The follow-up reference field staff copy into a form: ``S-<id>-<check>``.

The two check digits follow ISO 7064 MOD 97-10 (as IBANs do): any single wrong digit and any swap of
two neighbouring digits is caught, so a typo never attaches answers to someone else's follow-up.
"""

import re

_PATTERN = re.compile(r"^\s*S-?(\d{1,12})-?(\d{2})\s*$", re.IGNORECASE)


def _check(number: int) -> int:
    return 98 - (number * 100) % 97


def followup_reference(followup_id: int) -> str:
    return f"S-{followup_id}-{_check(followup_id):02d}"


def parse_reference(text: str) -> int | None:
    """The follow-up id in ``text``, or None when it is malformed or its check digits are wrong."""
    match = _PATTERN.match(text or "")
    if not match:
        return None
    number, check = int(match.group(1)), int(match.group(2))
    return number if _check(number) == check else None
