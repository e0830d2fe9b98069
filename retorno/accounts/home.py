"""What each role finds on its home page.

Domain apps add their own entries with ``register_home_section`` (from apps.py ready()),
each guarded by a permission, so the home page never inspects roles itself.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from retorno.accounts.access import can
from retorno.accounts.models import User


@dataclass(frozen=True)
class HomeSection:
    permission: str
    title: str
    description: str
    url_name: str
    order: int = 100


SECTIONS: list[HomeSection] = [
    HomeSection(
        "person.search",
        _("Find a person"),
        _("Search the registry by name, CUI or other document."),
        "people:search",
        10,
    ),
    HomeSection(
        "person.create",
        _("Register a person"),
        _("Add a returnee who is not in the registry yet."),
        "people:create",
        20,
    ),
]


def register_home_section(section: HomeSection) -> None:
    if section not in SECTIONS:
        SECTIONS.append(section)


def home_sections(user: User) -> list[dict]:
    """The entries this user may use, in order."""
    return [
        {"title": s.title, "description": s.description, "url": reverse(s.url_name)}
        for s in sorted(SECTIONS, key=lambda s: s.order)
        if can(user, s.permission)
    ]


@dataclass(frozen=True)
class NavItem:
    permission: str
    title: str
    url_name: str
    order: int = 100


NAV_ITEMS: list[NavItem] = []


def register_nav_item(item: NavItem) -> None:
    if item not in NAV_ITEMS:
        NAV_ITEMS.append(item)


def nav_items(user: User) -> list[dict]:
    return [
        {"title": i.title, "url": reverse(i.url_name)}
        for i in sorted(NAV_ITEMS, key=lambda i: i.order)
        if can(user, i.permission)
    ]
