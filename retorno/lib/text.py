"""Text folding for search: accents, case and punctuation do not matter."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'José  de LEÓN-Xicará' -> 'jose de leon xicara'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", stripped).strip()


def tokens(text: str) -> list[str]:
    """The folded words of ``text``, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in fold(text).split():
        seen.setdefault(word, None)
    return list(seen)


def normalise_identifier(value: str) -> str:
    """Identifiers compare without spaces, dashes or case: 'a-123 456' -> 'A123456'."""
    return re.sub(r"[^0-9A-Za-z]", "", value or "").upper()
