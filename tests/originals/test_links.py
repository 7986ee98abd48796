"""check_originals --links: the links in columns' bodies to other sites."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from originals.links import outbound_links
from originals.models import Link
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db
START = datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC)


def run():
    out = io.StringIO()
    call_command("check_originals", "--links", "--host-delay", "0", stdout=out)
    return out.getvalue()


def test_outbound_links_are_other_sites_each_once():
    html = (
        '<p><a href="https://a.example/x">A</a> <a href="/local/">here</a>'
        '<a href="https://mysite.example/2020/">mine</a> <a href="https://a.example/x">again</a>'
        '<a href="javascript:alert(1)">no</a> <a href="mailto:x@y.z">no</a></p>'
    )
    assert outbound_links(html, {"mysite.example"}) == ["https://a.example/x"]


def test_dead_links_are_reported_with_their_archived_copy(outlet_site, settings, editor_client):
    settings.ARCHIVE_AVAILABILITY_URL = outlet_site.base + "/wayback/available"
    dead = outlet_site("/gone", "", status=404)
    alive = outlet_site("/here", "<h1>Here</h1>")
    outlet_site(
        "/wayback/available?url=" + dead.replace(":", "%3A").replace("/", "%2F"),
        '{"archived_snapshots": {"closest": {"available": true, '
        '"url": "https://web.archive.org/web/2020/x"}}}',
        content_type="application/json",
    )
    ColumnFactory(
        body=f'<p><a href="{dead}">a</a> and <a href="{alive}">b</a></p>',
        posted_at=START - datetime.timedelta(days=30),
    )
    ColumnFactory(status="draft", body=f'<p><a href="{outlet_site.base}/draft-link">c</a></p>')
    for day in range(4):
        with time_machine.travel(START + datetime.timedelta(days=day), tick=False):
            output = run()
    assert "Links in columns checked: 2" in output
    assert Link.objects.get(url=alive).state == Link.State.ALIVE
    gone = Link.objects.get(url=dead)
    assert gone.state == Link.State.DEAD
    assert gone.archived_url == "https://web.archive.org/web/2020/x"
    assert "/draft-link" not in [p for p, _ in outlet_site.requests]
    report = editor_client.get(reverse("admin:originals_link_changelist") + "?state=dead")
    assert dead in report.text and "archived copy" in report.text


def test_a_link_edited_out_is_forgotten(outlet_site):
    url = outlet_site("/x", "<h1>X</h1>")
    column = ColumnFactory(body=f'<p><a href="{url}">x</a></p>')
    run()
    column.body = "<p>No links now.</p>"
    column.save()
    run()
    assert not Link.objects.exists()
