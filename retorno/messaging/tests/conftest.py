import pytest

from retorno.messaging.testing import FakeGateway


@pytest.fixture
def gateway(settings):
    """A fake SMS gateway on 127.0.0.1, wired as the SMS and WhatsApp channels."""
    with FakeGateway() as fake:
        settings.MESSAGE_CHANNELS = {
            **settings.MESSAGE_CHANNELS,
            "sms": fake.settings(),
            "whatsapp": fake.settings(),
        }
        settings.MESSAGE_QUIET_HOURS = (0, 0)  # tests decide when quiet hours apply
        yield fake


@pytest.fixture
def consenting(person, clerk):
    from retorno.people.actions import consent_record

    consent_record(actor=clerk, person=person, purpose="follow_up", given=True)
    return person
