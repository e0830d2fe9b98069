"""Jobs the worker runs every few minutes (reminders, the delivery sweep).

Apps register theirs from ``AppConfig.ready()``; each job must be idempotent (it may run twice,
or on two workers at once) and cheap when there is nothing to do.
"""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)
PERIODIC: dict[str, Callable[[], int]] = {}


def register_periodic(name: str, job: Callable[[], int]) -> None:
    PERIODIC[name] = job


def run_periodic() -> dict[str, int]:
    """Run every registered job once; one failing job never stops the others."""
    done = {}
    for name, job in PERIODIC.items():
        try:
            done[name] = job()
        except Exception:  # a bug in one job must not stop the reminders of the others
            logger.exception("Periodic job %s failed", name)
    return done
