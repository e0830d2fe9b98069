"""What the apps above reception add to it, registered from their ``AppConfig.ready()``.

Reception sits below protection, referrals and reintegration and must not import them. An app that
knows more about an arrival than reception does (protection's flags and custody of minors), or that
acts on what reception records (a referral to protection from triage), registers a function here,
as ``retorno.people.profile.register_profile_panel`` does for the profile page. With nothing
registered, reception answers from its own records and hands nothing on.

The shelter referral made from triage, and the health referral made when a health work item is
taken, call referrals directly: referrals sits below reception.
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager

# person ids -> the ids among them that carry a protection flag (a flag only, never its reason).
ProtectionFlags = Callable[[list[int]], Iterable[int]]
# arrival -> True once protection took custody of the minor; None when protection holds nothing yet.
MinorHandover = Callable[[object], bool | None]
# (actor=, person=, arrival=, unaccompanied_minor=, request=): triage referred the person to protection.
ProtectionReferral = Callable[..., object]

# (actor=, person=, arrived_on=, arrival_id=, request=): a person checked in (reintegration schedules
# their follow-ups and notices a re-migration).
ArrivalFollower = Callable[..., object]

# (actor=, person=, arrival_id=, request=) -> the id of the record the receiving app created when
# its team took a work item of one kind (the DPI request draft).
WorkTaker = Callable[..., int | None]

_protection_flags: list[ProtectionFlags] = []
_work_takers: dict[str, WorkTaker] = {}
_arrival_followers: list[ArrivalFollower] = []
_minor_handover: list[MinorHandover] = []
_protection_referral: list[ProtectionReferral] = []


def _add(registry: list, function: Callable) -> None:
    if all(f is not function for f in registry):  # ready() may run twice (tests, autoreload)
        registry.append(function)


def register_protection_flags(query: ProtectionFlags) -> None:
    """Who carries a protection flag, shown on the manifest and at check-in."""
    _add(_protection_flags, query)


def register_minor_handover(query: MinorHandover) -> None:
    """Whether an unaccompanied minor is in protection's custody (the flight-close rule asks)."""
    _add(_minor_handover, query)


def register_protection_referral(receive: ProtectionReferral) -> None:
    """Called inside triage's transaction when triage newly refers a person to protection."""
    _add(_protection_referral, receive)


def register_arrival_follower(follow: ArrivalFollower) -> None:
    """Called inside check-in's transaction for every person checked in."""
    _add(_arrival_followers, follow)


def register_work_taker(kind: str, take: WorkTaker) -> None:
    """Called inside the take's transaction when a team takes a work item of ``kind`` (one app per kind)."""
    _work_takers[kind] = take


def work_taken(kind: str, **kwargs) -> int | None:
    """Hand a taken work item to the app registered for its kind; None when none is registered."""
    take = _work_takers.get(kind)
    return take(**kwargs) if take else None


def arrival_followed(**kwargs) -> None:
    """Tell every registered follower that a person arrived."""
    for follow in _arrival_followers:
        follow(**kwargs)


def protection_flags(person_ids: list[int]) -> set[int] | None:
    """The flagged persons by the registered queries; None when none is registered."""
    if not _protection_flags:
        return None
    return {pid for query in _protection_flags for pid in query(person_ids)}


def minor_handover(arrival) -> bool | None:
    """The first registered answer that knows (True: in custody); None when none knows."""
    for query in _minor_handover:
        answer = query(arrival)
        if answer is not None:
            return bool(answer)
    return None


def protection_referral(**kwargs) -> None:
    """Hand a triage's referral to protection to whoever registered to receive it."""
    for receive in _protection_referral:
        receive(**kwargs)


# arrival ids -> what to call after the write (the evidence summaries count arrivals by their triage).
ArrivalWatcher = Callable[[list[int]], Callable[[], None]]
_arrival_watchers: list[ArrivalWatcher] = []


def register_arrival_watcher(watcher: ArrivalWatcher) -> None:
    """``watcher(arrival_ids)`` runs before a change to those arrivals' triage and returns a
    callable run after it, in the same transaction (``reports`` keeps its counts so)."""
    _add(_arrival_watchers, watcher)


@contextmanager
def arrivals_changing(arrival_ids: list[int]):
    """Wrap a write that changes what is known of these arrivals in the registered watchers."""
    after = [watch(list(arrival_ids)) for watch in _arrival_watchers]
    yield
    for done in after:
        done()
