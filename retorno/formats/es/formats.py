"""Spanish as written in Guatemala: Django's Spanish formats (dates, input formats) with the
country's number separators, a decimal point and thousands grouped by commas ("Q1,250.00",
"7.5"), as Guatemala's banks, shops and the programme's own forms write them. Form inputs already
take a decimal point, so what is shown and what is typed now agree."""

from django.conf.locale.es.formats import *  # noqa: F403 (Spanish dates and input formats)

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
