"""Folding and Spanish/Mayan phonetic keys for names.

Everything here is a pure function of one string and is cached: a registry of a
million people holds only tens of thousands of distinct names, so each distinct
name is folded once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that join compound names ("de León", "de la Cruz", "María de los Ángeles").
# They are kept as written in the record; keys and comparisons fold them away.
PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "di", "van", "von", "der"})

_NON_LETTER = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Lower case, no accents (ñ -> n, ü -> u), letters and single spaces only.

    Apostrophes vanish rather than split words, so "K'iche'" folds to "kiche".
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    stripped = stripped.replace("'", "").replace("’", "").replace("`", "")
    stripped = stripped.replace("-", " ").replace(".", " ").replace(",", " ")
    return _SPACES.sub(" ", _NON_LETTER.sub("", stripped)).strip()


def words(text: str) -> list[str]:
    """The folded words of ``text`` in order."""
    folded = fold(text)
    return folded.split(" ") if folded else []


def core_words(text: str) -> list[str]:
    """Folded words without particles: "de la Cruz" -> ["cruz"]."""
    return [w for w in words(text) if w not in PARTICLES]


# Ordered rewrite rules: each maps a spelling to the sound class it writes.
# Upper-case letters in the output are sound classes; lower-case are still raw.
# The classes follow how clerks in Guatemala actually vary spellings:
#   b/v -> B; s/z/c(e,i)/tz/ts and x/ch/sh/j/g(e,i) -> S (Spanish x~j as in
#   Mexía/Mejía, Mayan x~ch~s as in Xoc/Choc/Soc); ll/y -> Y; qu/k/c/q -> K;
#   h is silent; gu(e,i) -> G; w/hu/gu(a,o) -> W; ñ -> n (folded earlier).
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"ph", "F"),
        (r"ch|sh|x", "S"),
        (r"tz|ts", "S"),
        (r"ll", "Y"),
        (r"qu|q|k|ck", "K"),
        (r"c(?=[ei])", "S"),
        (r"c", "K"),
        (r"gu(?=[ei])", "G"),
        (r"g(?=[ei])", "S"),
        (r"gu(?=[ao])", "W"),
        (r"^hu(?=[aeio])", "W"),
        (r"(?<=[aeiou])hu(?=[aeio])", "W"),
        (r"w", "W"),
        (r"h", ""),
        (r"[jzs]", "S"),
        (r"[bv]", "B"),
        (r"n(?=B|p)", "M"),
        (r"y(?=[aeiou])", "Y"),
        (r"y", "i"),
        (r"g", "G"),
    )
)
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=500_000)
def phonetic_word(word: str) -> str:
    """Spanish/Mayan phonetic key of one folded word.

    >>> phonetic_word("xitumul") == phonetic_word("chitumul") == phonetic_word("situmul")
    True
    >>> phonetic_word("velasquez") == phonetic_word("belasques")
    True
    """
    key = word
    for pattern, repl in _RULES:
        key = pattern.sub(repl, key)
    # Doubled letters (rr, aa in "Caal") are one sound; the rest is upper-cased.
    return _DOUBLES.sub(r"\1", key.upper())


def phonetic(text: str) -> str:
    """Phonetic key of a whole name part, particles and spaces folded away.

    >>> phonetic("de León") == phonetic("Leon") == phonetic("LEÓN")
    True
    """
    return phonetic_word("".join(core_words(text)))


def split_surnames(first: str, second: str) -> tuple[list[str], list[str]]:
    """Both surnames as lists of folded words, particles kept.

    When the second surname is empty and the first holds two surnames
    ("Xicará Tzul"), the last surname, with any particles before it, becomes the
    second one: clerks often type both surnames into one box.
    """
    first_words, second_words = words(first), _unmarried(words(second))
    if not second_words:
        core_at = [i for i, w in enumerate(first_words) if w not in PARTICLES]
        if len(core_at) >= 2:
            cut = core_at[-1]
            while first_words[cut - 1] in PARTICLES and cut - 1 > core_at[0]:
                cut -= 1
            first_words, second_words = first_words[:cut], first_words[cut:]
    return first_words, second_words


def _unmarried(second_words: list[str]) -> list[str]:
    """The second surname without a married woman's "de" + husband's surname.

    "García de Pérez" -> "García". A box holding only "de Pérez" is left alone:
    it may be the surname "de Paz" or "de León" as well as a married name.
    """
    if "de" in second_words[1:]:
        cut = second_words.index("de", 1)
        if second_words[cut - 1] not in PARTICLES and cut + 1 < len(second_words):
            return second_words[:cut]
    if len(second_words) == 2 and second_words[0] == "de" and "".join(second_words) not in _GLUED:
        # "de Pérez" alone: a married name with the second surname left out
        # ("de León", "de Paz" and the other surnames with a particle stay).
        return []
    return second_words


# Surnames with a particle that clerks also glue together ("Deleon").
_GLUED = {
    "deleon": "leon",
    "delacruz": "cruz",
    "depaz": "paz",
    "delcid": "cid",
    "delarosa": "rosa",
    "delaroca": "roca",
    "delvalle": "valle",
    "dejesus": "jesus",
    "delaparra": "parra",
    "delatorre": "torre",
}


def surname_forms(surname_words: list[str]) -> tuple[str, str]:
    """(as written, core) for one surname: ["de", "leon"] -> ("deleon", "leon").

    The written form keeps particles so "De León" and "León" stay distinct
    surnames; the core form drops them, so the phonetic key unites them.
    """
    written = "".join(surname_words)
    core = "".join(w for w in surname_words if w not in PARTICLES)
    return written, _GLUED.get(core, core)


def given_tokens(text: str) -> list[str]:
    """Given names as folded words, without particles or initials ("Ana M." -> ["ana"])."""
    return [w for w in words(text) if w not in PARTICLES and len(w) > 1]
