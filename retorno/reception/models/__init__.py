"""Flights, manifests, arrivals, triage, basic services and the per-flight transport budget.

Split by subject; import from here: ``from retorno.reception.models import Arrival``.
"""

from retorno.reception.models.arrivals import Arrival, ServiceGiven, Triage, TriageNeed, WorkItem
from retorno.reception.models.flights import (
    DEFAULT_CURRENCY,
    DEFAULT_TRANSPORT_BUDGET,
    ColumnMapping,
    Flight,
    FlightStatusChange,
    ManifestImport,
    ManifestRow,
)
from retorno.reception.models.history import LeavingReason, MigrationHistory
from retorno.reception.models.transport import (
    AllocationRun,
    Fare,
    FlightBudget,
    NeedAssessment,
    Ticket,
    TransportOverride,
)

__all__ = [
    "DEFAULT_CURRENCY",
    "DEFAULT_TRANSPORT_BUDGET",
    "AllocationRun",
    "Arrival",
    "ColumnMapping",
    "Fare",
    "Flight",
    "FlightBudget",
    "FlightStatusChange",
    "LeavingReason",
    "ManifestImport",
    "ManifestRow",
    "MigrationHistory",
    "NeedAssessment",
    "ServiceGiven",
    "Ticket",
    "TransportOverride",
    "Triage",
    "TriageNeed",
    "WorkItem",
]
