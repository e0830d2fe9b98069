"""The programme's own indicators, by area; registered in ``ReportsConfig.ready()``."""


def register_all() -> None:
    from retorno.reports.indicators import (
        followup,
        funding,
        history,
        protection,
        reception,
        referrals,
        reintegration,
    )

    for module in (reception, history, referrals, protection, reintegration, followup, funding):
        module.register()
