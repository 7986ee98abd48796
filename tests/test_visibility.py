"""One draft, one scheduled and one live column and mention, checked against every public page.

Modelled on Simon Willison's test_draft_items_not_displayed: a leak on any page fails here.
"""

import datetime

import pytest
import time_machine

from columns.models import Author, Column
from mentions.models import Mention
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
NOW = datetime.datetime(2024, 1, 10, 12, tzinfo=UTC)
# All three columns carry the outlet's stamp of 8 January, so they share every archive.
STAMP = datetime.datetime(2024, 1, 8, 9, tzinfo=UTC)

COLUMN = "Live column headline"
MENTION = "live mention topic"
# Each page, and what of the live items it shows.
PAGES = {
    "/": [COLUMN, MENTION],
    "/tag/matrix/": [COLUMN, MENTION],
    "/tags/": ["Matrix"],
    "/outlet/matrix-times/": [COLUMN, MENTION],
    "/outlets/": ["Matrix Times"],
    "/author/co-author/": [COLUMN],
    "/2024/": [COLUMN],
    "/2024/01/": [COLUMN],
    "/2024/01/08/": [COLUMN],
    "/archive/": ["January"],
    "/in-the-media/": [MENTION],
    "/in-the-media/?outlet=matrix-times": [MENTION],
    "/in-the-media/?year=2024": [MENTION],
}


@pytest.fixture
def matrix():
    with time_machine.travel(NOW, tick=False):
        outlet = OutletFactory(name="Matrix Times", slug="matrix-times")
        coauthor = AuthorFactory(name="Co Author", slug="co-author")
        columns = {}
        for state, status, posted in [
            ("live", Column.Status.PUBLISHED, NOW - datetime.timedelta(days=1)),
            ("draft", Column.Status.DRAFT, NOW - datetime.timedelta(days=1)),
            ("scheduled", Column.Status.PUBLISHED, NOW + datetime.timedelta(days=2)),
        ]:
            columns[state] = ColumnFactory(
                title=f"{state.title()} column headline",
                slug=f"{state}-column",
                outlet=outlet,
                outlet_published_at=STAMP,
                posted_at=posted,
                status=status,
                tags=["Matrix", f"Only {state}"],
                bylines=[coauthor],
            )
        for state, status, date in [
            ("live", Mention.Status.PUBLISHED, NOW.date() - datetime.timedelta(days=1)),
            ("draft", Mention.Status.DRAFT, NOW.date() - datetime.timedelta(days=1)),
            ("scheduled", Mention.Status.PUBLISHED, NOW.date() + datetime.timedelta(days=2)),
        ]:
            MentionFactory(
                outlet=outlet, topic=f"{state} mention topic", date=date, status=status
            ).tags.set(["Matrix", f"Only {state} mention"])
        # A live mention pointing at the draft must not reveal it.
        MentionFactory(outlet=outlet, topic="pointer", column=columns["draft"]).tags.set(["Matrix"])
        yield columns


@pytest.mark.parametrize("who", ["anonymous", "staff"])
@pytest.mark.parametrize("url", PAGES)
def test_lists_show_only_live_items(client, editor_client, matrix, who, url):
    reader = client if who == "anonymous" else editor_client
    with time_machine.travel(NOW, tick=False):
        response = reader.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for live in PAGES[url]:
        assert live in html
    for state in ("draft", "scheduled"):
        assert f"{state.title()} column headline" not in html
        assert f"{state} mention topic" not in html
        assert f"Only {state}" not in html
        assert f"/{state}-column/" not in html


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_counts_include_only_live_items(client, editor_client, matrix, who):
    reader = client if who == "anonymous" else editor_client
    with time_machine.travel(NOW, tick=False):
        tag = reader.get("/tag/matrix/").content.decode()
        assert "<h1>Matrix</h1>" in tag and '<p class="count">1 column · ' in tag
        archive = reader.get("/archive/").content.decode()
        assert "(1)" in archive and "(3)" not in archive
        tags = reader.get("/tags/").content.decode()
        assert "1 column, 2 mentions" in tags
        outlets = reader.get("/outlets/").content.decode()
        assert "1 column · 2 media appearances" in outlets


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_hidden_tags_do_not_exist_for_readers(client, editor_client, matrix, state):
    with time_machine.travel(NOW, tick=False):
        for reader in (client, editor_client):
            assert reader.get(f"/tag/only-{state}/").status_code == 404
            assert reader.get(f"/tag/only-{state}-mention/").status_code == 404


def test_authors_of_hidden_columns_only_have_no_page(client, editor_client, matrix):
    with time_machine.travel(NOW, tick=False):
        AuthorFactory(name="Drafty", slug="drafty")
        matrix["draft"].bylines.create(author=Author.objects.get(slug="drafty"), position=1)
        for reader in (client, editor_client):
            assert reader.get("/author/drafty/").status_code == 404
            assert "Drafty" not in reader.get("/").content.decode()


def test_column_pages(client, editor_client, matrix):
    with time_machine.travel(NOW, tick=False):
        live = client.get(matrix["live"].get_absolute_url()).content.decode()
        assert "Live column headline" in live
        assert "Draft column" not in live and "Scheduled column" not in live  # prev/next/related
        for state in ("draft", "scheduled"):
            url = matrix[state].get_absolute_url()
            assert client.get(url).status_code == 404
            preview = editor_client.get(url)
            assert preview.status_code == 200
            assert "only staff can see" in preview.content.decode() or "Scheduled:" in (
                preview.content.decode()
            )
            assert "no-cache" in preview["Cache-Control"]
            assert not preview.has_header("Last-Modified")
        staff_live = editor_client.get(matrix["live"].get_absolute_url()).content.decode()
        assert "Draft column" not in staff_live and "Scheduled column" not in staff_live


def test_scheduled_items_appear_when_their_time_comes(client, matrix):
    with time_machine.travel(NOW + datetime.timedelta(days=3), tick=False):
        home = client.get("/").content.decode()
        assert "Scheduled column headline" in home
        assert "scheduled mention topic" in client.get("/in-the-media/").content.decode()
        assert "Draft column headline" not in home


@pytest.fixture
def hidden_things(matrix):
    """A tag, an author and an outlet that only the draft and the scheduled column carry."""
    with time_machine.travel(NOW, tick=False):
        hidden_outlet = OutletFactory(name="Secret Gazette", slug="secret-gazette")
        hidden_author = AuthorFactory(name="Hidden Hand", slug="hidden-hand")
        for state in ("draft", "scheduled"):
            column = matrix[state]
            column.outlet = hidden_outlet
            column.save()
            column.tags.add("Hush")
            column.bylines.create(author=hidden_author, position=1)
    return {"tag": "hush", "author": "hidden-hand", "outlet": "secret-gazette"}


# Every public address that names one thing: each answers 404 for a thing readers cannot see.
THING_ADDRESSES = {
    "tag": ["/tag/{}/", "/tag/{}/feed/", "/tag/{}/feed/rss/"],
    "author": ["/author/{}/", "/author/{}/feed/", "/author/{}/feed/rss/"],
    "outlet": ["/outlet/{}/", "/outlet/{}/feed/", "/outlet/{}/feed/rss/"],
}
NAMES = ["Hush", "Hidden Hand", "Secret Gazette", "hush", "hidden-hand", "secret-gazette"]


@pytest.mark.parametrize("kind", THING_ADDRESSES)
def test_things_only_hidden_columns_carry_do_not_exist_for_readers(
    client, editor_client, hidden_things, kind
):
    with time_machine.travel(NOW, tick=False):
        for reader in (client, editor_client):
            for address in THING_ADDRESSES[kind]:
                response = reader.get(address.format(hidden_things[kind]))
                assert response.status_code == 404, address
                for name in NAMES[:3]:  # the 404 page repeats the address, not the name
                    assert name not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-tags.xml",
        "/sitemap-authors.xml",
        "/sitemap-outlets.xml",
        "/api/tags/",
        "/api/outlets/",
        "/tags/",
        "/outlets/",
        "/",
        "/search/?q=column",
        "/search/?q=column&tag=hush&outlet=secret-gazette",
        "/api/columns/?q=column",
        "/api/columns/?tag=hush",
        "/in-the-media/?tag=hush",
        "/in-the-media/?outlet=secret-gazette",
    ],
)
def test_things_only_hidden_columns_carry_are_listed_nowhere(client, hidden_things, url):
    with time_machine.travel(NOW, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    for name in NAMES:
        assert name not in text


def test_a_live_mention_is_enough_to_make_an_outlet_public(client, hidden_things):
    with time_machine.travel(NOW, tick=False):
        outlet = OutletFactory(name="Radio Only", slug="radio-only")
        MentionFactory(outlet=outlet, topic="on air", date=NOW.date())
        for address in THING_ADDRESSES["outlet"]:
            assert client.get(address.format("radio-only")).status_code == 200
