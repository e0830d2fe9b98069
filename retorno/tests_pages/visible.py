"""What a person sees on a page, and the two faults looked for in it.

- raw codes: values of the project's TextChoices shown instead of their labels, snake_case or
  kebab-case identifiers, dotted audit action codes (``protection.shared:...``);
- untranslated text: a sentence of one catalogue shown in the other language (a string
  translated at import time, a stored message), or English function words in Spanish mode.
"""

import inspect
import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models import Choices
from django.utils import translation

# <code> holds identifiers shown on purpose (indicator ids for the API, follow-up references).
SKIP_TAGS = {"script", "style", "template", "noscript", "code"}
ATTRIBUTES = {"placeholder", "title", "aria-label", "alt"}
SEPARATORS = re.compile(r"\s*[,;·:|/()\[\]]\s*|\s+[—–-]\s+")
SNAKE = re.compile(r"(?<![\w@./:=-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/=-])")
KEBAB = re.compile(r"(?<![\w@./:=-])[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\w@/=-])")
EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|/\S+|pbkdf2_\w+")
ENGLISH_WORDS = {
    "the", "and", "with", "your", "this", "from", "which", "should", "must", "will", "been", "have",
    "has", "their", "these", "those", "into", "about", "when", "what", "who", "where", "for", "are",
    "was", "were", "not", "of", "to", "is", "it", "by", "on", "at", "or", "an", "in", "waiting", "none",
}  # fmt: skip


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.nodes: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        attrs = dict(attrs)
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.nodes.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.nodes.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.nodes.append(" ".join(data.split()))


def text_nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.nodes


def _choices_classes():
    seen = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("retorno."):
            continue
        modules = [getattr(config, "models_module", None)]
        for model in config.get_models():
            modules.append(model)
        for holder in modules:
            if holder is None:
                continue
            for value in vars(holder).values():
                if inspect.isclass(value) and issubclass(value, Choices) and value not in seen:
                    seen.add(value)
                    yield value


def choice_codes() -> dict[str, list]:
    """Every TextChoices value of the project with the labels it may legitimately be shown as."""
    codes: dict[str, list] = {}
    for cls in _choices_classes():
        for member in cls:
            if isinstance(member.value, str) and member.value and not member.value.isdigit():
                codes.setdefault(member.value, []).append(member.label)
    return codes


def _po_entries(path: Path):
    msgid = msgstr = None
    key = None
    fuzzy = False
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, key = _unquote(line[6:]), "id"
        elif line.startswith("msgstr "):
            msgstr, key = _unquote(line[7:]), "str"
        elif line.startswith("msgctxt"):
            key = "ctx"
        elif line.startswith('"') and key in ("id", "str"):
            if key == "id":
                msgid += _unquote(line)
            else:
                msgstr += _unquote(line)
        elif not line.strip():
            if msgid:
                yield msgid, ("" if fuzzy else msgstr or "")
            msgid = msgstr = key = None
            fuzzy = False


def _unquote(text: str) -> str:
    import json

    return json.loads(text)


def catalogue() -> dict[str, str]:
    """English msgid -> Spanish msgstr over every Retorno catalogue."""
    pairs: dict[str, str] = {}
    for path in sorted(Path(settings.BASE_DIR, "retorno").glob("**/locale/es/LC_MESSAGES/django.po")):
        for msgid, msgstr in _po_entries(path):
            if "%" in msgid or "{" in msgid:
                continue
            pairs.setdefault(msgid, msgstr)
    return pairs


def _norm(text: str) -> str:
    return text.strip().rstrip(":.").strip()


class Checker:
    def __init__(self):
        self.codes = choice_codes()
        pairs = catalogue()
        spanish = {_norm(s) for s in pairs.values() if s}
        english = {_norm(m) for m in pairs}
        # A Spanish sentence shown in English mode; an English one shown in Spanish mode.
        self.spanish_only = {s for s in spanish if s not in english and len(s) > 3 and " " in s}
        self.english_only = {
            _norm(m) for m, s in pairs.items() if _norm(m) not in spanish and len(_norm(m)) > 3 and s != m
        }
        self.labels = {}
        for lang in ("es", "en"):
            with translation.override(lang):
                self.labels[lang] = {str(label) for labels in self.codes.values() for label in labels}
        # Interface words that happen to spell a code ("active", "yes") are words, not codes.
        self.labels["en"] |= english
        self.labels["es"] |= spanish

    def faults(self, html: str, lang: str, data: frozenset = frozenset(), admin: bool = False) -> list[str]:
        """Every fault on the page; ``data`` holds values users typed (names) that may look like anything."""
        found = []
        for node in text_nodes(html):
            norm = _norm(node)
            if norm in data or norm[:1] in "{[":  # typed names; JSON configuration in the admin
                continue
            bare = EMAIL_OR_URL.sub(" ", node)
            for token in SNAKE.findall(bare) + KEBAB.findall(bare):
                found.append(f"code {token!r} in {node!r}")
            if norm not in self.labels[lang]:
                # The whole text, or the value after "label:" / "·", item by item.
                value = re.split(r":\s|·", node)[-1] if re.search(r":\s|·", node) else ""
                parts = {norm} | {_norm(p) for p in re.split(r",\s*|\s+/\s+", value) if p.strip()}
                for part in parts:
                    short_upper = len(part) <= 2 and part.isupper()  # "F", "M": sex shown compactly
                    if part in self.codes and part not in self.labels[lang] and part not in data and not short_upper:
                        found.append(f"raw choice {part!r} in {node!r}")
            if re.search(r"\b(?:" + "|".join(_apps()) + r")\.[a-z_]+", bare):
                found.append(f"action code in {node!r}")
            if lang == "en" and norm in self.spanish_only and not admin:  # the admin shows stored notes as typed
                found.append(f"Spanish in English mode: {node!r}")
            # Known gap: the read-only admin shows workflow models' field names, many without a
            # verbose_name (English in Spanish mode). Codes are still checked there.
            if lang == "es" and not admin:
                if norm in self.english_only:
                    found.append(f"English in Spanish mode: {node!r}")
                words = {w.lower() for w in re.findall(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]+(?:-[A-Za-z]+)*", bare)}
                english = words & ENGLISH_WORDS
                if english and len(words) > 1 and len(english) * 3 >= len(words):
                    found.append(f"English words {sorted(english)} in Spanish mode: {node!r}")
        return sorted(set(found))


def data_values() -> frozenset:
    """Names people typed (organisations, partners, shelters, courses, users): data, not interface."""
    values = set()
    for model in apps.get_models():
        if not model.__module__.startswith("retorno.") and model._meta.label != "accounts.User":
            continue
        for field in model._meta.concrete_fields:
            if field.name in ("name", "title", "username", "purpose") and field.get_internal_type() == "CharField":
                values.update(_norm(v) for v in model.objects.values_list(field.name, flat=True)[:5000] if v)
    return frozenset(values)


def _apps() -> list[str]:
    return [c.label for c in apps.get_app_configs() if c.name.startswith("retorno.")]
