"""Archived copies from a local fake of the Internet Archive's APIs, and what readers see."""

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from originals.models import Original
from tests.factories import ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def archive(outlet_site, settings):
    """Save Page Now at /save/<url> and the availability API at /wayback/available."""
    settings.ARCHIVE_SAVE_URL = outlet_site.base + "/save"
    settings.ARCHIVE_AVAILABILITY_URL = outlet_site.base + "/wayback/available"
    return outlet_site


def run(*args):
    out = io.StringIO()
    call_command("check_originals", "--host-delay", "0", *args, stdout=out)
    return out.getvalue()


def test_an_existing_capture_is_found_first(archive):
    column = ColumnFactory(original_url="https://thediplomat.com/sco")
    capture = "https://web.archive.org/web/2024/https://thediplomat.com/sco"
    archive(
        "/wayback/available?url=https%3A%2F%2Fthediplomat.com%2Fsco",
        json.dumps({"archived_snapshots": {"closest": {"available": True, "url": capture}}}),
        content_type="application/json",
    )
    Original.objects.create(column=column, url=column.original_url, checked_at=column.posted_at)
    assert "Archived copies found or made: 1" in run("--limit", "0")
    column.refresh_from_db()
    assert column.archived_url == capture
    assert not [p for p, _ in archive.requests if p.startswith("/save/")]


def test_a_new_capture_is_made_when_none_exists(archive):
    column = ColumnFactory(original_url="https://thediplomat.com/new-piece")
    archive(
        "/wayback/available?url=https%3A%2F%2Fthediplomat.com%2Fnew-piece",
        json.dumps({"archived_snapshots": {}}),
        content_type="application/json",
    )
    archive(
        "/save/https://thediplomat.com/new-piece",
        "<html>Saved</html>",
        Content_Location="/web/20250101000000/https://thediplomat.com/new-piece",
    )
    Original.objects.create(column=column, url=column.original_url, checked_at=column.posted_at)
    run("--limit", "0")
    column.refresh_from_db()
    assert column.archived_url == (
        archive.base + "/web/20250101000000/https://thediplomat.com/new-piece"
    )
    # Looked up once: the next run does not ask again.
    before = len(archive.requests)
    run("--limit", "0")
    assert len(archive.requests) == before


def test_the_archive_is_off_by_default(outlet_site, settings):
    assert settings.ARCHIVE_SAVE_URL == settings.ARCHIVE_AVAILABILITY_URL == ""
    ColumnFactory(original_url="https://thediplomat.com/x")
    assert "Archived copies found or made: 0" in run()


def test_a_hostile_archive_answer_is_not_stored(archive):
    column = ColumnFactory(original_url="https://thediplomat.com/y")
    archive(
        "/wayback/available?url=https%3A%2F%2Fthediplomat.com%2Fy",
        json.dumps({"archived_snapshots": {"closest": {"available": True, "url": "javascript:x"}}}),
        content_type="application/json",
    )
    archive("/save/https://thediplomat.com/y", "not json", status=500)
    Original.objects.create(column=column, url=column.original_url, checked_at=column.posted_at)
    run("--limit", "0")
    column.refresh_from_db()
    assert column.archived_url == ""


def gone_column():
    column = ColumnFactory(
        title="Why the SCO matters",
        outlet=OutletFactory(name="The Diplomat"),
        original_url="https://thediplomat.com/sco",
        canonical_is_original=True,
    )
    column.original_gone_since = datetime.datetime(2025, 1, 1, tzinfo=UTC)
    column.archived_url = "https://web.archive.org/web/2024/https://thediplomat.com/sco"
    column.save()
    return column


def test_the_page_says_plainly_when_the_original_is_gone(client):
    column = gone_column()
    html = client.get(column.get_absolute_url()).text
    assert "The original at The Diplomat is no longer online; the full text is kept here." in html
    assert f'href="{column.archived_url}"' in html
    assert 'href="https://thediplomat.com/sco"' not in html  # no dead link, no dead canonical
    page_url = "http://testserver" + column.get_absolute_url()
    assert f'<link rel="canonical" href="{page_url}">' in html
    data = json.loads(re.search(r'"application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert data["url"] == page_url and data["isBasedOn"] == column.archived_url
    assert f'<meta name="citation_public_url" content="{page_url}">' in html
    bib = client.get(column.get_absolute_url() + "cite.json").json()
    assert bib[0]["URL"] == page_url


def test_when_it_comes_back_the_page_says_nothing_again(client):
    column = gone_column()
    column.original_gone_since = None
    column.save()
    html = client.get(column.get_absolute_url()).text
    assert "no longer online" not in html
    assert 'href="https://thediplomat.com/sco"' in html


def test_feeds_link_the_archived_copy_of_a_gone_original(client):
    column = gone_column()
    feed = client.get(reverse("columns:feed")).content.decode()
    assert "https://thediplomat.com/sco" not in feed.replace(column.archived_url, "")
    assert "see the archived copy" in feed


def test_editors_see_the_report_by_state(editor_client):
    column = gone_column()
    Original.objects.create(column=column, url=column.original_url, state=Original.State.GONE)
    url = reverse("admin:originals_original_changelist")
    response = editor_client.get(url + "?state=gone")
    assert response.status_code == 200 and "Why the SCO matters" in response.text
    assert "Why the SCO matters" not in editor_client.get(url + "?state=alive").text


def test_press_assistants_do_not_see_the_report(press_client):
    assert press_client.get(reverse("admin:originals_original_changelist")).status_code == 403
