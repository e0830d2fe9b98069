import logging

from retorno.lib.logging import StripQueryStrings


def logged(line: str) -> str:
    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s', (line, "200", "512"), None)
    StripQueryStrings().filter(record)
    return record.getMessage()


def test_query_strings_never_reach_the_log():
    message = logged("GET /people/search/?q=xicara HTTP/1.1")
    assert "xicara" not in message and "/people/search/" in message


def test_answer_link_tokens_never_reach_the_log():
    for path in ("/referrals/answer/AbC.123-xyz:sig/", "/api/v1/referrals/links/AbC.123-xyz:sig/answer"):
        message = logged(f"POST {path} HTTP/1.1")
        assert "AbC.123" not in message and "/referrals/" in message
