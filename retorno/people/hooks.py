"""What follows a person's registration or a change of their identity, registered from ``ready()``.

``people.actions`` (the registry's writes) sits below the matching workflow (``match_actions``
merges records and calls back into those writes), so instead of importing it the writes call the
followers registered here: the people app registers the review queue of likely duplicates.
"""

from collections.abc import Callable
from contextlib import contextmanager

from django.utils.module_loading import import_string

_followers: list[Callable | str] = []


def register_identity_follower(follower: Callable | str) -> None:
    """Call ``follower(person)`` after a person is registered or their identity fields change.

    ``follower`` may be a dotted path, imported when first called (so ``ready()`` imports nothing).
    """
    if follower not in _followers:
        _followers.append(follower)


def identity_followers() -> list[Callable]:
    return [import_string(f) if isinstance(f, str) else f for f in _followers]


# --- what higher apps tell the registry ----------------------------------------------------------
# The registry shows a partner the persons its referrals share, and how often a person arrived;
# referrals and reception know those facts and register how to ask them.

_providers: dict[str, Callable | str] = {}


def register_shared_person_ids(provider: Callable | str) -> None:
    """``provider(organisation_id)`` -> the ids of the persons shared with that partner organisation."""
    _providers["shared_person_ids"] = provider


def register_arrival_counts(module: str) -> None:
    """The dotted path of a module with ``person_return_count(person=)`` (how many times a person
    arrived) and ``remigration_count(start=, end=, department_code=)`` (how many persons arrived again)."""
    _providers["returns"] = f"{module}.person_return_count"
    _providers["remigrations"] = f"{module}.remigration_count"


def provider(name: str) -> Callable | None:
    """The registered provider ``name``, or None when the app that knows is not installed."""
    found = _providers.get(name)
    return import_string(found) if isinstance(found, str) else found


# --- what higher apps keep in step with the registry ---------------------------------------------
# The evidence summaries (reports) count arrivals by the person's sex, age and origin: a change to
# a person, or arrivals moving between persons (merge, unmerge), changes those counts. A watcher is
# called before such a write with the person ids and returns what to call after it, inside the same
# transaction, so the counts never disagree with the registry.

PersonWatcher = Callable[[list[int]], Callable[[], None]]
_person_watchers: list[PersonWatcher | str] = []


def register_person_watcher(watcher: PersonWatcher | str) -> None:
    """``watcher(person_ids)`` runs before a change to those persons and returns a callable run after it."""
    if watcher not in _person_watchers:
        _person_watchers.append(watcher)


@contextmanager
def persons_changing(person_ids: list[int]):
    """Wrap a write that changes these persons (or moves rows between them) in the watchers."""
    after = [(import_string(w) if isinstance(w, str) else w)(list(person_ids)) for w in _person_watchers]
    yield
    for done in after:
        done()
