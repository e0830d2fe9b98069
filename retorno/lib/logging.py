"""Logging filters that keep personal data and secrets out of log files."""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"]*")
# Single-use answer links carry their secret in the path: /referrals/answer/<token>/.
_LINK_TOKEN = re.compile(r"(/(?:answer|links)/)[^/\s\"?]+")


def redact(text: str) -> str:
    """Drop query strings and link tokens from a logged request line."""
    return _LINK_TOKEN.sub(r"\1…", _QUERY.sub("?…", text))


class StripQueryStrings(logging.Filter):
    """Drop query strings (they may hold search terms) and link tokens from log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True
