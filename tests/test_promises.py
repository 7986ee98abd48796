"""Promises of the README's "Security" section that no single app owns."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session

from tests.public_site import build_site, public_urls

pytestmark = pytest.mark.django_db

READER_ADDRESSES = [
    *public_urls().values(),
    "/search/?q=sco",
    "/feed/",
    "/in-the-media/feed/",
    "/api/columns/",
    "/api/mentions/",
    "/sitemap.xml",
    "/robots.txt",
]


def test_readers_are_given_no_cookie_and_leave_nothing_stored(client):
    """Reading the site sets no cookie and writes no row: no session, no log, no account."""
    build_site()
    for address in READER_ADDRESSES:
        response = client.get(address)
        assert response.status_code == 200, address
        assert not response.cookies, address
    assert not Session.objects.exists() and not LogEntry.objects.exists()
