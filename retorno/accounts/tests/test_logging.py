import logging

from retorno.lib.logging import StripQueryStrings


def test_query_strings_never_reach_the_log():
    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s', ("GET /people/search/?q=xicara HTTP/1.1", "200", "512"), None)
    StripQueryStrings().filter(record)
    assert "xicara" not in record.getMessage()
    assert "/people/search/" in record.getMessage()
