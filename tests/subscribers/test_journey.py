"""A reader's whole journey: sign up, confirm, receive digests, unsubscribe."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from pagecache import guard
from subscribers.models import Subscriber
from tests.factories import ColumnFactory, MentionFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
SIGNUP = datetime.datetime(2025, 3, 3, 9, tzinfo=UTC)  # a Monday


def sign_up(client, email="reader@example.org", **extra):
    data = {"email": email, "frequency": "weekly", **extra}
    return client.post("/subscribe/", data)


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body)[1]


def run_digest():
    out = __import__("io").StringIO()
    call_command("send_digest", stdout=out)
    return out.getvalue()


def test_sign_up_confirm_receive_and_unsubscribe(client, settings):
    settings.SITE_URL = "https://analyst.example"
    with time_machine.travel(SIGNUP, tick=False):
        assert client.get("/subscribe/").status_code == 200
        response = sign_up(client, include_mentions="on")
        assert response.status_code == 302
        assert response["Location"] == "/subscribe/check-your-inbox/"
        [confirmation] = mail.outbox
        assert confirmation.to == ["reader@example.org"]
        confirm_path = link_in(confirmation)

        # A mail scanner following the link confirms nothing; the reader's click does.
        page = client.get(confirm_path)
        assert "Confirm your subscription" in page.text
        assert Subscriber.objects.get().confirmed_at is None
        client.post(confirm_path)
        assert Subscriber.objects.get().confirmed_at == SIGNUP

    with time_machine.travel(SIGNUP + datetime.timedelta(days=2), tick=False):
        column = ColumnFactory(title="The SCO at twenty", dek="A club that grew.")
        MentionFactory(topic="the SCO summit")
    with time_machine.travel(SIGNUP + datetime.timedelta(days=3), tick=False):
        assert "Digests sent: 0" in run_digest()  # the week has not passed
    with time_machine.travel(SIGNUP + datetime.timedelta(days=7), tick=False):
        assert "Digests sent: 1" in run_digest()
        assert "Digests sent: 0" in run_digest()  # never twice
    digest = mail.outbox[-1]
    assert "The SCO at twenty" in digest.body and "the SCO summit" in digest.body
    assert f"https://analyst.example{column.get_absolute_url()}" in digest.body
    html, mime = digest.alternatives[0]
    assert mime == "text/html" and "The SCO at twenty" in html
    unsubscribe = digest.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://analyst.example/unsubscribe/")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no CSRF token.
    path = unsubscribe.strip("<>").removeprefix("https://analyst.example")
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()  # deleted, not flagged
    assert "unsubscribed" in client.get(path).text


def test_nothing_new_means_no_email(client):
    with time_machine.travel(SIGNUP, tick=False):
        sign_up(client)
        client.post(link_in(mail.outbox[0]))
    with time_machine.travel(SIGNUP + datetime.timedelta(days=8), tick=False):
        assert "Nothing new for: 1" in run_digest()
    assert len(mail.outbox) == 1


def test_monthly_subscribers_wait_for_their_month(client):
    with time_machine.travel(SIGNUP, tick=False):
        sign_up(client, frequency="monthly")
        client.post(link_in(mail.outbox[0]))
        ColumnFactory(posted_at=SIGNUP + datetime.timedelta(hours=1))
    with time_machine.travel(SIGNUP + datetime.timedelta(days=8), tick=False):
        assert "Digests sent: 0" in run_digest()
    with time_machine.travel(SIGNUP + datetime.timedelta(days=28), tick=False):
        assert "Digests sent: 1" in run_digest()


def test_the_answer_never_tells_who_subscribes(client):
    first = sign_up(client)
    client.post(link_in(mail.outbox[0]))
    again = sign_up(client, email="READER@example.org")
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert Subscriber.objects.count() == 1
    # The owner of the address is told, by email, within the resend spacing.
    assert len(mail.outbox) == 1  # spaced: asked again within 15 minutes


def test_confirmations_are_spaced_so_the_form_cannot_flood_an_inbox(client):
    with time_machine.travel(SIGNUP, tick=False):
        for _ in range(5):
            sign_up(client, email="victim@example.org")
    assert len(mail.outbox) == 1
    with time_machine.travel(SIGNUP + datetime.timedelta(minutes=20), tick=False):
        sign_up(client, email="victim@example.org")
    assert len(mail.outbox) == 2


def test_unconfirmed_addresses_are_forgotten_after_a_week(client):
    with time_machine.travel(SIGNUP, tick=False):
        sign_up(client)
    with time_machine.travel(SIGNUP + datetime.timedelta(days=8), tick=False):
        assert "forgotten: 1" in run_digest()
    assert not Subscriber.objects.exists()


def test_bots_filling_the_honeypot_get_the_same_answer_and_no_row(client):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b", "x" * 300 + "@example.org"])
def test_a_bad_address_is_explained(client, email):
    response = sign_up(client, email=email)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert not Subscriber.objects.exists()


def test_a_bad_address_keeps_the_choices_made(client):
    response = sign_up(client, email="not-an-address", frequency="monthly", include_mentions="on")
    assert re.search(r'<input type="checkbox" name="include_mentions" [^>]*checked>', response.text)
    assert re.search(r'value="monthly"[^>]* checked', response.text)
    response = sign_up(client, email="not-an-address")
    assert not re.search(r'name="include_mentions"[^>]*checked', response.text)


def test_unknown_tokens_answer_plainly(client):
    assert client.get("/subscribe/confirm/nope/").status_code == 404
    assert client.post("/subscribe/confirm/nope/").status_code == 404
    assert client.post("/unsubscribe/nope/").status_code == 200


def test_the_command_logs_counts_never_addresses(client, caplog):
    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    output = run_digest()
    assert "reader@example.org" not in output + caplog.text


def test_the_digest_reads_what_is_new_once_however_many_subscribe(
    client, django_assert_max_num_queries
):
    def subscribe(count, start):
        for n in range(start, start + count):
            Subscriber.objects.create(
                email=f"reader{n}@example.org",
                confirmed_at=SIGNUP - datetime.timedelta(days=n % 5),
                include_mentions=bool(n % 2),
            )

    day_after = SIGNUP + datetime.timedelta(days=1)
    ColumnFactory(title="The SCO at twenty", posted_at=day_after, date=day_after)
    with time_machine.travel(day_after, tick=False):
        MentionFactory(topic="the SCO summit")
    subscribe(2, 0)
    week_later = time_machine.travel(SIGNUP + datetime.timedelta(days=7), tick=False)
    with week_later, django_assert_max_num_queries(20) as two:
        assert "Digests sent: 2" in run_digest()
    Subscriber.objects.all().delete()
    mail.outbox.clear()
    subscribe(12, 0)
    # One more query per message (its last-sent stamp), nothing more per subscriber.
    week_later = time_machine.travel(SIGNUP + datetime.timedelta(days=7), tick=False)
    with week_later, django_assert_max_num_queries(len(two.captured_queries) + 10):
        assert "Digests sent: 12" in run_digest()
    assert all("The SCO at twenty" in message.body for message in mail.outbox)
    with_mentions = [m for m in mail.outbox if "the SCO summit" in m.body]
    assert len(with_mentions) == 6


def test_one_client_cannot_mail_a_list_of_strangers(client, settings):
    settings.SUBSCRIBE_EMAILS_PER_HOUR = 3
    with time_machine.travel(SIGNUP, tick=False):
        for n in range(3):
            assert sign_up(client, email=f"stranger{n}@example.org").status_code == 302
        response = sign_up(client, email="stranger3@example.org")
        assert response.status_code == 429
        assert "Too many sign-ups" in response.content.decode()
        assert 'value="stranger3@example.org"' in response.content.decode()  # kept to retry
        # Another client is not held back by this one.
        data = {"email": "reader@example.org", "frequency": "weekly"}
        other = client.post("/subscribe/", data, REMOTE_ADDR="192.0.2.7")
        assert other.status_code == 302
    assert len(mail.outbox) == 4
    assert not Subscriber.objects.filter(email="stranger3@example.org").exists()
    with time_machine.travel(SIGNUP + datetime.timedelta(minutes=61), tick=False):
        assert sign_up(client, email="stranger3@example.org").status_code == 302


def test_a_dead_cache_holds_nobody_back(client, settings):
    settings.SUBSCRIBE_EMAILS_PER_HOUR = 1
    # Nothing listens on port 1: the count of sign-ups cannot be kept.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    guard.reset()
    try:
        for n in range(3):
            assert sign_up(client, email=f"reader{n}@example.org").status_code == 302
    finally:
        guard.reset()
    assert len(mail.outbox) == 3
