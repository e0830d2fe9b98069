"""The period on the evidence pages and downloads is written as every other date (day/month/year)."""

import datetime

from retorno.reports.views.common import period_label


def test_the_period_is_written_day_month_year():
    assert period_label(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)) == "01/01/2026 – 31/12/2026"
