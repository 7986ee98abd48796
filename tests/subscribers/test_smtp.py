"""The digest through Django's SMTP backend to a real SMTP server on loopback."""

import datetime
import email
import socket

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command

from subscribers.models import Subscriber
from tests.factories import ColumnFactory

UTC = datetime.UTC


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.mark.django_db
def test_digest_over_smtp_carries_one_click_unsubscribe(smtp_server, settings):
    settings.SITE_URL = "https://analyst.example"
    now = datetime.datetime(2025, 3, 10, 9, tzinfo=UTC)
    subscriber = Subscriber.objects.create(
        email="reader@example.org", confirmed_at=now - datetime.timedelta(days=7)
    )
    ColumnFactory(title="Over the wire", posted_at=now - datetime.timedelta(days=1))
    with time_machine.travel(now, tick=False):
        call_command("send_digest", stdout=__import__("io").StringIO())
    [(recipients, raw)] = smtp_server.messages
    assert recipients == ["reader@example.org"]
    message = email.message_from_bytes(raw)
    unfolded = "".join(message["List-Unsubscribe"].split())  # long headers are folded
    assert unfolded == f"<https://analyst.example/unsubscribe/{subscriber.token}/>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.is_multipart()
    assert "Over the wire" in message.get_payload(0).get_payload(decode=True).decode()


@pytest.mark.django_db
def test_a_signup_the_mail_server_refuses_is_said_and_forgotten(client, settings, caplog):
    """Nothing listens on the port: the form says so (was a 500), keeps no row, and the next
    try, with the server up, sends at once (the row had held off resends for 15 minutes)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2
    data = {"email": "reader@example.org", "frequency": "weekly"}
    response = client.post("/subscribe/", data)
    assert response.status_code == 503
    assert "could not send the confirmation email" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert "reader@example.org" not in caplog.text  # the log names the row, not the address

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    try:
        assert client.post("/subscribe/", data).status_code == 302
    finally:
        controller.stop()
    assert [recipients for recipients, _ in inbox.messages] == [["reader@example.org"]]


@pytest.mark.django_db
def test_asking_again_when_the_mail_server_refuses_keeps_the_old_time(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2
    long_ago = datetime.datetime(2025, 3, 1, 9, tzinfo=UTC)
    subscriber = Subscriber.objects.create(email="reader@example.org", asked_at=long_ago)
    response = client.post("/subscribe/", {"email": "Reader@example.org", "frequency": "weekly"})
    assert response.status_code == 503
    subscriber.refresh_from_db()
    assert subscriber.asked_at == long_ago
