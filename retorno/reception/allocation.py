"""Allocating a flight's transport budget to the people who cannot get home on their own.

Pure Python, no models: the Django layer turns arrivals and the fares table into
``TransportNeed`` values, calls ``allocate_transport`` and stores the decisions (and any
override by staff, with its reason) in the ticket ledger.

The objective, exactly
----------------------
Among the people *in need* (not able to pay, no family collecting them) whose destination
has a fare, choose a set S with total fare <= budget that, in this order:

1. maximises |S|, the number of people who get home;
2. among sets of that size, maximises the vulnerability scores of S sorted from highest to
   lowest, compared lexicographically: the most vulnerable person helped is as vulnerable as
   possible, then the second, and so on;
3. among those, minimises the total fare (money left for the next flight or for shuttles);
4. among those, minimises lexicographically the sorted list of priority keys
   (-vulnerability, fare, id), so the result never depends on the input order.

Every candidate set differs in criterion 4 (ids are unique), so the optimum is unique.

The algorithm
-------------
k, the largest possible |S|, is the number of cheapest fares that fit in the budget. Then
people are taken in priority order (highest vulnerability, then cheapest fare, then id),
and each is included if the set chosen so far plus this person can still be completed to
k people within budget using the cheapest fares of the people not yet considered.

Why it is optimal: suppose an optimal S* agrees with every decision so far and the greedy
includes p. If p were not in S*, the rest R of S* lies among people after p, so each r in R
has vulnerability <= p's. If all were lower, the greedy's completed set would beat S* at
the first position where they differ (criterion 2). So some r has the same vulnerability;
being after p, its fare is >= p's, and S* - r + p is feasible and at least as good on
criteria 2-3 and strictly better on 4 (or 3): a contradiction, so p is in S*. If the greedy
skips p, no set of k people within budget contains the chosen ones and p, so p is not in
S* either. By induction the greedy returns S*. ``tests/test_allocation.py`` checks this
against every subset on many random small cases.

It runs in O(n log n): a Fenwick tree over people sorted by fare gives the sum of the m
cheapest fares still unconsidered.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from retorno.reception.allocation_text import render

PersonId = int | str


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217, e.g. "USD" or "GTQ"

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:.2f}"


@dataclass(frozen=True, slots=True)
class TransportNeed:
    """One person's assessed need for a ticket home."""

    person_id: PersonId
    fare: Money | None  # from the fares table for their destination; None when there is none
    vulnerability: int = 0  # higher = more vulnerable
    can_pay: bool = False
    family_collecting: bool = False

    @property
    def in_need(self) -> bool:
        return not (self.can_pay or self.family_collecting)


class Reason(StrEnum):
    ALLOCATED = "allocated"
    CAN_PAY = "can_pay"
    FAMILY_COLLECTING = "family_collecting"
    NO_FARE = "no_fare"
    FARE_OVER_BUDGET = "fare_over_budget"
    WOULD_REDUCE_COUNT = "would_reduce_count"
    # Sets of the same size with this person exist, but each is worse on the objective:
    LEAVES_OUT_MORE_VULNERABLE = "leaves_out_more_vulnerable"  # criterion 2 ({vulnerability})
    COSTS_MORE = "costs_more"  # same vulnerabilities helped, criterion 3 ({extra})
    TIE_BY_ORDER = "tie_by_order"  # same vulnerabilities and cost, criterion 4


@dataclass(frozen=True, slots=True)
class Decision:
    """Allocated or not, and why (a reason code and its parameters, put into words when shown)."""

    person_id: PersonId
    allocated: bool
    reason: Reason
    fare: Money | None
    priority: int | None = None  # 1 = allocated first; None when not allocated
    params: dict | None = None  # the explanation's parameters, JSON-ready (amounts as text)

    @property
    def message_es(self) -> str:
        return render(self.reason, self.params or {}, "es")

    @property
    def message_en(self) -> str:
        return render(self.reason, self.params or {}, "en")


@dataclass(frozen=True)
class Allocation:
    """The outcome for a flight. ``decisions`` follow the input order."""

    budget: Money
    decisions: tuple[Decision, ...]
    allocated_ids: tuple[PersonId, ...]  # in priority order
    total_cost: Money
    remaining: Money
    people_in_need: int
    unmet_count: int  # in need and not allocated, with or without a fare
    unmet_cost: Money  # what the unallocated people in need with a fare would cost
    unmet_without_fare: int


def allocate_transport(*, budget: Money, needs: Sequence[TransportNeed]) -> Allocation:
    """Allocate ``budget`` to ``needs`` following the objective in the module docstring.

    Fares must be in the budget's currency (the caller converts). Raises ValueError on a
    negative amount, a currency mismatch or a repeated person id.
    """
    _validate(budget, needs)
    candidates = [n for n in needs if n.in_need and n.fare is not None]
    count = _max_count(budget.amount, [n.fare.amount for n in candidates])  # type: ignore[union-attr]
    chosen = _choose(budget.amount, candidates, count)
    return _explain(budget, needs, candidates, chosen, count)


def _validate(budget: Money, needs: Sequence[TransportNeed]) -> None:
    if budget.amount < 0:
        raise ValueError("the budget cannot be negative")
    seen: set[PersonId] = set()
    for need in needs:
        if need.person_id in seen:
            raise ValueError(f"person {need.person_id!r} appears twice")
        seen.add(need.person_id)
        if need.fare is None:
            continue
        if need.fare.currency != budget.currency:
            raise ValueError(f"fare of {need.person_id!r} is in {need.fare.currency}, the budget in {budget.currency}")
        if need.fare.amount < 0:
            raise ValueError(f"fare of {need.person_id!r} is negative")


def _id_key(person_id: PersonId) -> tuple[int, int | str]:
    """Ints before strings, each in natural order: ids of either kind sort deterministically."""
    return (0, person_id) if isinstance(person_id, int) else (1, str(person_id))


def _priority_key(need: TransportNeed) -> tuple[int, Decimal, tuple[int, int | str]]:
    return (-need.vulnerability, need.fare.amount, _id_key(need.person_id))  # type: ignore[union-attr]


def _max_count(budget: Decimal, fares: list[Decimal]) -> int:
    """How many people at most fit in the budget: the cheapest fares first."""
    total = Decimal(0)
    count = 0
    for fare in sorted(fares):
        if total + fare > budget:
            break
        total += fare
        count += 1
    return count


class _CheapestFares:
    """The people not yet considered, by fare: sum of the m cheapest in O(log n)."""

    def __init__(self, fares_by_rank: list[Decimal]) -> None:
        self.fares = fares_by_rank
        self.size = len(fares_by_rank)
        self.available = self.size
        self.counts = [0] * (self.size + 1)
        self.sums = [Decimal(0)] * (self.size + 1)
        for rank, fare in enumerate(fares_by_rank):
            self._update(rank + 1, 1, fare)
        self.top_step = 1 << max(self.size.bit_length() - 1, 0)

    def _update(self, position: int, count: int, fare: Decimal) -> None:
        while position <= self.size:
            self.counts[position] += count
            self.sums[position] += fare
            position += position & -position

    def remove(self, rank: int) -> None:
        self._update(rank + 1, -1, -self.fares[rank])
        self.available -= 1

    def cheapest_sum(self, m: int) -> Decimal | None:
        """Sum of the m cheapest fares still available; None when fewer than m remain."""
        if m <= 0:
            return Decimal(0)
        if m > self.available:
            return None
        position, left, total = 0, m, Decimal(0)
        step = self.top_step
        while step:
            following = position + step
            if following <= self.size and self.counts[following] < left:
                position, left = following, left - self.counts[following]
                total += self.sums[following]
            step >>= 1
        return total + self.fares[position]  # the m-th cheapest sits at the next position


def _choose(budget: Decimal, candidates: list[TransportNeed], count: int) -> list[TransportNeed]:
    """The greedy of the module docstring: priority order, keep whatever stays completable."""
    by_fare = sorted(candidates, key=lambda n: (n.fare.amount, _id_key(n.person_id)))  # type: ignore[union-attr]
    rank = {need.person_id: position for position, need in enumerate(by_fare)}
    pool = _CheapestFares([n.fare.amount for n in by_fare])  # type: ignore[union-attr]
    chosen: list[TransportNeed] = []
    spent = Decimal(0)
    for need in sorted(candidates, key=_priority_key):
        pool.remove(rank[need.person_id])
        if len(chosen) == count:
            break
        completion = pool.cheapest_sum(count - len(chosen) - 1)
        fare = need.fare.amount  # type: ignore[union-attr]
        if completion is not None and spent + fare + completion <= budget:
            chosen.append(need)
            spent += fare
    return chosen


def _explain(
    budget: Money,
    needs: Sequence[TransportNeed],
    candidates: list[TransportNeed],
    chosen: list[TransportNeed],
    count: int,
) -> Allocation:
    priority = {need.person_id: position for position, need in enumerate(chosen, start=1)}
    fares = sorted(n.fare.amount for n in candidates)  # type: ignore[union-attr]
    context = _Context(budget.amount, candidates, chosen, count)
    decisions = tuple(
        _decide(need, budget=budget, priority=priority, fares=fares, count=count, context=context) for need in needs
    )
    spent = sum((n.fare.amount for n in chosen), Decimal(0))  # type: ignore[union-attr]
    unmet = [d for d in decisions if not d.allocated and d.reason not in _NOT_IN_NEED]
    unmet_cost = sum((d.fare.amount for d in unmet if d.fare is not None), Decimal(0))
    return Allocation(
        budget=budget,
        decisions=decisions,
        allocated_ids=tuple(n.person_id for n in chosen),
        total_cost=Money(spent, budget.currency),
        remaining=Money(budget.amount - spent, budget.currency),
        people_in_need=sum(1 for n in needs if n.in_need),
        unmet_count=len(unmet),
        unmet_cost=Money(unmet_cost, budget.currency),
        unmet_without_fare=sum(1 for d in unmet if d.reason is Reason.NO_FARE),
    )


_NOT_IN_NEED = frozenset({Reason.CAN_PAY, Reason.FAMILY_COLLECTING})


class _Context:
    """What explaining a refusal needs: the chosen set and the people who could have been chosen."""

    def __init__(self, budget: Decimal, candidates: list[TransportNeed], chosen: list[TransportNeed], count: int):
        self.budget, self.candidates, self.count = budget, candidates, count
        self.chosen_vulnerabilities = sorted((n.vulnerability for n in chosen), reverse=True)
        self.chosen_cost = sum((n.fare.amount for n in chosen), Decimal(0))  # type: ignore[union-attr]
        self._cache: dict[tuple[int, Decimal], tuple[list[int], Decimal] | None] = {}

    def best_with(self, need: TransportNeed) -> tuple[list[int], Decimal] | None:
        """Vulnerabilities (highest first) and cost of the best set of ``count`` people that includes
        ``need`` (None when there is none). People alike in vulnerability and fare share the answer."""
        key = (need.vulnerability, need.fare.amount)  # type: ignore[union-attr]
        if key not in self._cache:
            found = self._best_with(need)
            self._cache[key] = (
                None
                if found is None
                else (
                    sorted((n.vulnerability for n in found), reverse=True),
                    sum((n.fare.amount for n in found), Decimal(0)),  # type: ignore[union-attr]
                )
            )
        return self._cache[key]

    def _best_with(self, need: TransportNeed) -> list[TransportNeed] | None:
        others = [n for n in self.candidates if n.person_id != need.person_id]
        fare = need.fare.amount  # type: ignore[union-attr]
        cheapest = sorted(n.fare.amount for n in others)[: self.count - 1]  # type: ignore[union-attr]
        if self.count == 0 or len(cheapest) < self.count - 1 or fare + sum(cheapest, Decimal(0)) > self.budget:
            return None
        return [need, *_choose(self.budget - fare, others, self.count - 1)]


def _decide(
    need: TransportNeed,
    *,
    budget: Money,
    priority: dict[PersonId, int],
    fares: list[Decimal],
    count: int,
    context: _Context,
) -> Decision:
    reason, extra = _reason(need, budget=budget.amount, priority=priority, context=context)
    params: dict = {
        "fare": f"{need.fare.amount:.2f}" if need.fare else None,
        "budget": f"{budget.amount:.2f}",
        "currency": budget.currency,
        "rank": priority.get(need.person_id),
        "count": len(priority) if reason is Reason.ALLOCATED else count,
        "vulnerability": need.vulnerability,
        **extra,
    }
    return Decision(
        person_id=need.person_id,
        allocated=reason is Reason.ALLOCATED,
        reason=reason,
        fare=need.fare,
        priority=priority.get(need.person_id),
        params=params,
    )


def _reason(
    need: TransportNeed, *, budget: Decimal, priority: dict[PersonId, int], context: _Context
) -> tuple[Reason, dict]:
    """The true reason, found by comparing the chosen set with the best set that includes this
    person, criterion by criterion of the objective (see the module docstring)."""
    if need.can_pay:
        return Reason.CAN_PAY, {}
    if need.family_collecting:
        return Reason.FAMILY_COLLECTING, {}
    if need.fare is None:
        return Reason.NO_FARE, {}
    if need.person_id in priority:
        return Reason.ALLOCATED, {}
    if need.fare.amount > budget:
        return Reason.FARE_OVER_BUDGET, {}
    best = context.best_with(need)
    if best is None:
        return Reason.WOULD_REDUCE_COUNT, {}
    theirs, cost = best
    for chosen_v, their_v in zip(context.chosen_vulnerabilities, theirs, strict=True):
        if chosen_v != their_v:
            # The chosen set helps more people of vulnerability ``chosen_v`` or more.
            return Reason.LEAVES_OUT_MORE_VULNERABLE, {"vulnerability": chosen_v}
    if cost > context.chosen_cost:
        return Reason.COSTS_MORE, {"extra": f"{cost - context.chosen_cost:.2f}"}
    return Reason.TIE_BY_ORDER, {}
