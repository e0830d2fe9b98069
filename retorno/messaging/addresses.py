"""Addresses: one normal form per phone number or email, and a keyed digest of it.

The digest finds an opt-out without keeping the address: a plain hash of a phone number could be
reversed by trying every number, so it is keyed (``settings.MESSAGE_ADDRESS_KEY``). Keep that key
for the life of the installation: a new key forgets every opt-out.
"""

import hashlib
import hmac
import re

from django.conf import settings

_NOT_DIGIT = re.compile(r"[^\d]")
GUATEMALA_PREFIX = "502"


def normalise(address: str) -> str:
    address = (address or "").strip()
    if "@" in address:
        return address.lower()
    digits = _NOT_DIGIT.sub("", address)
    if len(digits) == 8:  # a Guatemalan number written without the country code
        digits = GUATEMALA_PREFIX + digits
    return f"+{digits}" if digits else ""


def digest(address: str) -> str:
    key = settings.MESSAGE_ADDRESS_KEY.encode()
    return hmac.new(key, normalise(address).encode(), hashlib.sha256).hexdigest()
