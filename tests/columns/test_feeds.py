import datetime
import json
import zoneinfo

import feedparser
import pytest
from django.urls import reverse
from django.utils.http import http_date

from columns.models import Column
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    headers = {
        "content-type": response["Content-Type"],
        "content-location": f"http://testserver{url}",
    }
    feed = feedparser.parse(response.content, response_headers=headers)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def column():
    author, coauthor = AuthorFactory(name="Jane Roe", slug="jane"), AuthorFactory(name="Li Wei")
    return ColumnFactory(
        title="Why the SCO matters",
        slug="sco",
        dek="A club that grew.",
        intro="<p>My framing note.</p>",
        body="<p>Intro paragraph.</p><!--more--><p>The rest of the &amp; article.</p>"
        '<p><img src="/media/map.png" alt="Map"> <a href="/2020/01/01/old/">Earlier</a></p>',
        outlet=OutletFactory(name="Nikkei Asia", slug="nikkei"),
        original_url="https://asia.nikkei.com/sco",
        tags=["SCO", "Central Asia"],
        bylines=[(coauthor, "Li Wei is a journalist."), (author, "Jane Roe is a fellow.")],
    )


def feed_urls(column):
    tag = column.tags.get(name="SCO")
    author = column.bylines.get(position=1).author
    return [
        reverse("columns:feed"),
        reverse("tags:feed", kwargs={"slug": tag.slug}),
        reverse("outlets:feed", kwargs={"slug": column.outlet.slug}),
        reverse("columns:author_feed", kwargs={"slug": author.slug}),
    ]


@pytest.mark.parametrize("flavour", ["atom", "rss"])
def test_every_column_feed_carries_the_full_column(client, column, flavour):
    for url in feed_urls(column):
        if flavour == "rss":
            url += "rss/"
        response, feed = parse(client, url)
        assert feed.version == ("atom10" if flavour == "atom" else "rss20")
        assert response["Content-Type"].startswith(f"application/{flavour}+xml")
        [entry] = feed.entries
        assert entry.title == "Why the SCO matters"
        assert entry.link == f"http://testserver{column.get_absolute_url()}"
        content = entry.content[0].value
        assert "My framing note." in content and "The rest of the &amp; article." in content
        assert "Li Wei is a journalist." in content
        raw = response.content.decode()  # feedparser would resolve relative links itself
        assert 'src="http://testserver/media/map.png"' in raw
        assert 'href="http://testserver/2020/01/01/old/"' in raw
        assert "Intro paragraph." in entry.summary and "The rest" not in entry.summary
        assert [t.term for t in entry.tags] == ["Central Asia", "SCO"]
        if flavour == "atom":
            assert [a.name for a in entry.authors] == ["Li Wei", "Jane Roe"]
            related = [link.href for link in entry.links if link.rel == "related"]
            assert related == ["https://asia.nikkei.com/sco"]
            assert entry.updated_parsed and entry.published_parsed
        else:
            assert [a.name for a in entry.authors] == ["Li Wei", "Jane Roe"]
            assert 'href="https://asia.nikkei.com/sco"' in content


def test_every_column_feed_has_a_json_feed_twin(client, column, settings):
    settings.LANGUAGE_CODE = "en-gb"
    for url in feed_urls(column):
        response = client.get(url + "json/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/feed+json; charset=utf-8"
        data = json.loads(response.content)
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert data["feed_url"] == f"http://testserver{url}json/"
        assert data["language"] == "en-gb"
        [item] = data["items"]
        assert item["url"] == f"http://testserver{column.get_absolute_url()}"
        assert item["external_url"] == "https://asia.nikkei.com/sco"
        assert [a["name"] for a in item["authors"]] == ["Li Wei", "Jane Roe"]
        assert item["authors"][0]["url"].startswith("http://testserver/author/")
        assert "The rest of the &amp; article." in item["content_html"]
        assert item["summary"].startswith("Intro paragraph.")
        assert item["tags"] == ["Central Asia", "SCO"]
        assert item["id"].startswith("tag:testserver,")
        assert datetime.datetime.fromisoformat(item["date_published"]) == column.date
        # JSON Feed 1.1 requires these, and strings or lists where present.
        assert data["title"] and data["home_page_url"].startswith("http://testserver/")
        assert all(isinstance(a, dict) for a in data["authors"])


def test_pages_announce_their_json_feed(client, column):
    response = client.get(reverse("tags:detail", kwargs={"slug": column.tags.get(name="SCO").slug}))
    assert 'type="application/feed+json"' in response.text
    assert f'href="{reverse("tags:feed_json", kwargs={"slug": "sco"})}"' in response.text


def test_feed_is_newest_first_and_dated_by_the_latest_change(client):
    with_dates = [datetime.datetime(2024, m, 1, tzinfo=UTC) for m in (1, 3, 2)]
    for n, when in enumerate(with_dates):
        ColumnFactory(title=f"Piece {n}", posted_at=when)
    _, feed = parse(client, reverse("columns:feed"))
    assert [e.title for e in feed.entries] == ["Piece 1", "Piece 2", "Piece 0"]
    newest_edit = Column.objects.latest("modified_at").modified_at
    assert feed.feed.updated_parsed[:6] == newest_edit.utctimetuple()[:6]


def test_entry_ids_survive_a_change_of_date(client, column):
    _, before = parse(client, reverse("columns:feed"))
    column.outlet_published_at = datetime.datetime(2020, 5, 5, tzinfo=UTC)
    column.save()
    _, after = parse(client, reverse("columns:feed"))
    assert before.entries[0].link != after.entries[0].link
    assert before.entries[0].id == after.entries[0].id
    assert after.entries[0].id == f"tag:testserver,{column.created_at:%Y-%m-%d}:column/{column.pk}"


def test_feeds_answer_conditional_requests_with_304(client, column):
    for url in [*feed_urls(column), reverse("mentions:feed"), reverse("columns:feed_rss")]:
        response = client.get(url)
        assert response.has_header("ETag") and response.has_header("Last-Modified")
        again = client.get(url, headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304
        since = client.get(url, headers={"if-modified-since": response["Last-Modified"]})
        assert since.status_code == 304
        old = http_date(datetime.datetime(1999, 1, 1, tzinfo=UTC).timestamp())
        assert client.get(url, headers={"if-modified-since": old}).status_code == 200


@pytest.mark.parametrize("flavour", ["", "rss/"])
def test_in_the_media_feed(client, column, flavour):
    MentionFactory(
        topic="the SCO summit",
        outlet=OutletFactory(name="Reuters"),
        url="https://reuters.example/sco",
        public_note="Live on air.",
        internal_note="Not for attribution.",
        column=column,
    )
    _, feed = parse(client, reverse("mentions:feed") + flavour)
    [entry] = feed.entries
    assert entry.title == "Spoke to Reuters about the SCO summit."
    assert "Live on air." in entry.content[0].value
    assert "attribution" not in client.get(reverse("mentions:feed") + flavour).content.decode()
    assert f'href="http://testserver{column.get_absolute_url()}"' in entry.content[0].value


@pytest.mark.parametrize(
    "url", ["/tag/nothing/feed/", "/outlet/nowhere/feed/rss/", "/author/nobody/feed/"]
)
def test_unknown_feed_subjects_are_404(client, url):
    assert client.get(url).status_code == 404


def test_empty_feeds_are_valid(client):
    for url in [reverse("columns:feed"), reverse("columns:feed_rss"), reverse("mentions:feed")]:
        _, feed = parse(client, url)
        assert feed.entries == []


def test_every_page_announces_the_feeds(client, column):
    home = client.get(reverse("columns:index")).content.decode()
    atom = 'type="application/atom+xml" title="Columnist: latest columns" href="/feed/"'
    rss = 'type="application/rss+xml" title="Columnist: latest columns (RSS)" href="/feed/rss/"'
    assert atom in home and rss in home
    assert home.count('rel="alternate"') == 3  # the site's feed only: Atom, RSS, JSON Feed
    tag_page = client.get(reverse("tags:detail", kwargs={"slug": "sco"})).content.decode()
    assert 'title="Columns about SCO" href="/tag/sco/feed/"' in tag_page
    assert 'title="Columns about SCO (RSS)" href="/tag/sco/feed/rss/"' in tag_page
    assert atom in tag_page and tag_page.count('rel="alternate"') == 6
    outlet_page = client.get(column.outlet.get_absolute_url()).content.decode()
    assert 'title="Columns in Nikkei Asia" href="/outlet/nikkei/feed/"' in outlet_page
    author_page = client.get(reverse("columns:author", kwargs={"slug": "jane"})).content.decode()
    assert 'title="Columns by Jane Roe" href="/author/jane/feed/"' in author_page
    media = client.get(reverse("mentions:list")).content.decode()
    assert 'href="/in-the-media/feed/rss/"' in media


def test_feed_query_count_is_fixed(client, django_assert_num_queries):
    for _ in range(3):
        ColumnFactory(bylines=[AuthorFactory(), AuthorFactory()], tags=["SCO"])
    # The site owner, the columns with outlets, their tags, their bylines with authors.
    with django_assert_num_queries(4):
        client.get(reverse("columns:feed"))


# Characters XML 1.0 cannot carry, as pasted from word processors and terminals.
NOT_IN_XML = "\x0b\x1b\x0c\x01"


@pytest.mark.parametrize("flavour", ["atom", "rss"])
def test_control_characters_saved_in_text_never_break_a_feed(client, column, flavour):
    column.title = f"Why{NOT_IN_XML} the SCO matters"
    column.dek = f"A club\x1b that grew.{NOT_IN_XML}"
    column.save()
    author = column.bylines.get(position=1).author
    author.name = "Jane\x0b Roe"
    author.save()
    column.outlet.name = "Nikkei\x1b Asia"
    column.outlet.save()
    column.refresh_from_db()
    # Dropped at save: what readers are shown is what was meant.
    assert column.title == "Why the SCO matters"
    assert column.dek == "A club that grew."
    for url in feed_urls(column):
        if flavour == "rss":
            url += "rss/"
        _, feed = parse(client, url)
        assert feed.entries[0].title == "Why the SCO matters"


def test_rows_written_around_save_do_not_break_a_feed_either(client, column):
    # A bulk write (the importer, a queryset update) sends no pre_save.
    Column.objects.filter(pk=column.pk).update(title=f"Why{NOT_IN_XML} the SCO matters")
    for url in (reverse("columns:feed"), reverse("columns:feed_rss")):
        _, feed = parse(client, url)
        assert feed.entries[0].title == "Why the SCO matters"


def test_the_feed_dates_a_column_on_the_outlets_own_day(client):
    """07:05 on 3 March in Hong Kong is still 2 March in UTC; the page says 3 March."""
    stamp = datetime.datetime(2020, 3, 3, 7, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Hong_Kong"))
    ColumnFactory(outlet=OutletFactory(name="SCMP", timezone="Asia/Hong_Kong"),
                  outlet_published_at=stamp)  # fmt: skip
    _, feed = parse(client, reverse("columns:feed"))
    content = feed.entries[0].content[0].value
    assert "Originally published in SCMP on 3 March 2020" in content
