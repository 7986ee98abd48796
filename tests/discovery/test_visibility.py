"""Drafts and scheduled items stay out of search, feeds, sitemaps and the API, for everyone."""

import datetime

import pytest
import time_machine

from columns.models import Column
from mentions.models import Mention
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
NOW = datetime.datetime(2024, 1, 10, 12, tzinfo=UTC)
GOES_LIVE = datetime.datetime(2024, 1, 12, 9, tzinfo=UTC)


def public_outputs(client, outlet, author):
    """Everything machines and searchers read, as one text."""
    urls = [
        "/search/?q=zebra",
        "/feed/", "/feed/rss/", "/tag/zebra/feed/", "/tag/zebra/feed/rss/",
        f"/outlet/{outlet.slug}/feed/", f"/outlet/{outlet.slug}/feed/rss/",
        f"/author/{author.slug}/feed/", f"/author/{author.slug}/feed/rss/",
        "/in-the-media/feed/", "/in-the-media/feed/rss/",
        "/feed/json/", "/tag/zebra/feed/json/", f"/outlet/{outlet.slug}/feed/json/",
        f"/author/{author.slug}/feed/json/", "/in-the-media/feed/json/",
        "/sitemap-columns.xml", "/sitemap-years.xml", "/sitemap-months.xml",
        "/sitemap-tags.xml", "/sitemap-outlets.xml",
        "/api/columns/", "/api/columns/?q=zebra", "/api/mentions/", "/api/tags/",
    ]  # fmt: skip
    texts = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    return "\n".join(texts)


@pytest.fixture
def items():
    with time_machine.travel(NOW, tick=False):
        outlet, author = OutletFactory(slug="zoo-times"), AuthorFactory(slug="keeper")
        made = {}
        for state, status, posted, day in [
            ("live", "published", NOW - datetime.timedelta(days=1), datetime.date(2024, 1, 9)),
            ("draft", "draft", NOW - datetime.timedelta(days=1), datetime.date(2024, 1, 9)),
            ("scheduled", "published", GOES_LIVE, datetime.date(2024, 1, 12)),
        ]:
            column = ColumnFactory(
                title=f"Zebra {state} column", slug=f"zebra-{state}", status=status,
                posted_at=posted, outlet=outlet, bylines=[author], tags=["Zebra"],
            )  # fmt: skip
            mention = MentionFactory(topic=f"zebra {state} mention", status=status, date=day,
                                     outlet=outlet)  # fmt: skip
            mention.tags.set(["Zebra"])
            made[state] = (column, mention)
        return outlet, author, made


@pytest.mark.parametrize("reader", ["client", "editor_client"])
def test_only_live_items_appear(request, items, reader):
    client = request.getfixturevalue(reader)
    outlet, author, made = items
    with time_machine.travel(NOW, tick=False):
        text = public_outputs(client, outlet, author)
        assert "Zebra live column" in text and "zebra live mention" in text
        for state in ("draft", "scheduled"):
            column, _mention = made[state]
            assert f"Zebra {state}" not in text and f"zebra {state}" not in text
            assert f"zebra-{state}" not in text
            assert client.get(f"/api/columns/{column.pk}/").status_code == 404
        assert Column.objects.count() == 3 and Mention.objects.count() == 3


def test_scheduled_items_appear_at_their_time(client, items):
    outlet, author, _made = items
    with time_machine.travel(GOES_LIVE - datetime.timedelta(seconds=1), tick=False):
        assert "Zebra scheduled column" not in public_outputs(client, outlet, author)
    with time_machine.travel(GOES_LIVE, tick=False):
        text = public_outputs(client, outlet, author)
        assert "Zebra scheduled column" in text and "zebra scheduled mention" in text
        assert "/2024/01/12/zebra-scheduled/" in text
        assert "Zebra draft" not in text and "zebra draft" not in text
