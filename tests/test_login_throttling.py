import datetime

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def log_in(client, username, password, address="203.0.113.5"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def fail(client, username, times, address="203.0.113.5"):
    for _ in range(times):
        response = log_in(client, username, "wrong password", address)
    return response


def test_repeated_failures_lock_out_that_user_from_that_address(client, editor):
    assert fail(client, "editor", 4).status_code == 200  # the form again, with its error
    locked = fail(client, "editor", 1)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # Even the right password is refused while locked out.
    assert log_in(client, "editor", PASSWORD).status_code == 429


def test_other_users_and_addresses_are_not_locked_out(client, editor, press_assistant):
    fail(client, "editor", 5)
    assert log_in(client, "press", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "editor", PASSWORD, address="198.51.100.7").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor):
    start = datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        fail(client, "editor", 5)
        assert log_in(client, "editor", PASSWORD).status_code == 429
        traveller.shift(datetime.timedelta(minutes=16))
        assert log_in(client, "editor", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client, editor):
    fail(client, "editor", 4)
    assert log_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, "editor", 4).status_code == 200
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_logins_without_a_request_still_work(editor):
    from django.contrib.auth import authenticate

    assert authenticate(username="editor", password=PASSWORD) == editor


@pytest.mark.parametrize(
    "next_url",
    ["//evil.example/", "https://evil.example/admin/", "/\\evil.example", " //evil.example", ""],
)
def test_an_unsafe_or_missing_next_leads_to_the_admin(client, editor, next_url):
    response = client.post(
        f"{LOGIN}?next={next_url}" if next_url else LOGIN,
        {"username": "editor", "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("length", [151, 256, 10_000])
def test_a_user_name_longer_than_any_is_a_form_error(client, editor, length):
    """It reached authenticate(), and Axes' record of the failure (a 255-character column)
    failed on PostgreSQL: a 500 for anyone."""
    from axes.models import AccessAttempt

    response = log_in(client, "e" * length, "wrong password")
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert log_in(client, "editor", PASSWORD).status_code == 302
