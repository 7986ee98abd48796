import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from columns.models import Column
from discovery.sitemaps import SITEMAPS, ColumnSitemap
from mentions.models import Mention
from pagecache import guard
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def locations(client):
    """Every <loc> of every section listed in the sitemap index, with its <lastmod>."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "<sitemapindex" in index.content.decode()
    found = {}
    for section in re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index.content.decode()):
        xml = client.get(section).content.decode()
        for entry in re.findall(r"<url>(.*?)</url>", xml, re.DOTALL):
            loc = re.search(r"<loc>http://testserver([^<]+)</loc>", entry).group(1)
            lastmod = re.search(r"<lastmod>([^<]+)</lastmod>", entry)
            found[loc] = lastmod.group(1) if lastmod else None
    return found


def test_sitemap_lists_every_public_page(client):
    outlet = OutletFactory(slug="nikkei")
    author = AuthorFactory(slug="jane")
    column = ColumnFactory(
        outlet=outlet, bylines=[author], tags=["Central Asia"],
        posted_at=datetime.datetime(2023, 4, 5, 12, tzinfo=UTC),
    )  # fmt: skip
    mention_outlet = OutletFactory(slug="reuters")
    MentionFactory(outlet=mention_outlet).tags.set(["Media"])
    found = locations(client)
    assert found[column.get_absolute_url()] == column.modified_at.date().isoformat()
    for url in ["/", "/archive/", "/tags/", "/outlets/", "/in-the-media/", "/2023/",
                "/2023/04/", "/outlet/nikkei/", "/outlet/reuters/", "/author/jane/",
                "/tag/central-asia/", "/tag/media/"]:  # fmt: skip
        assert url in found, url
    assert found["/2023/04/"] == column.modified_at.date().isoformat()


def test_sitemap_leaves_out_what_readers_cannot_see(client):
    with_nothing_public = OutletFactory(slug="quiet")
    ColumnFactory(
        slug="draft", status=Column.Status.DRAFT, outlet=with_nothing_public,
        bylines=[AuthorFactory(slug="ghost")], tags=["Secret"],
        posted_at=datetime.datetime(2019, 1, 1, tzinfo=UTC),
    )  # fmt: skip
    hidden = MentionFactory(outlet=with_nothing_public, status=Mention.Status.DRAFT)
    hidden.tags.set(["Hidden"])
    found = locations(client)
    assert not [url for url in found if re.search(r"draft|quiet|ghost|secret|hidden|2019", url)]


def test_sitemap_query_count_is_fixed(client, django_assert_num_queries):
    for _ in range(5):
        ColumnFactory(bylines=[AuthorFactory()], tags=["A", "B"])
    # The count (for paging the section) and the columns.
    with django_assert_num_queries(2):
        client.get(reverse("discovery:sitemap_section", kwargs={"section": "columns"}))


def test_sitemap_index_dates_the_columns_section_by_the_latest_edit(
    client, django_assert_num_queries
):
    columns = [ColumnFactory() for _ in range(5)]
    # Six sections counted for paging, three dated: fixed, whatever the number of columns.
    with django_assert_num_queries(9):
        index = client.get("/sitemap.xml").content.decode()
    latest = max(c.modified_at for c in columns)
    assert f"sitemap-columns.xml</loc><lastmod>{latest.isoformat()}</lastmod>" in index


@pytest.fixture
def count_cache(settings):
    settings.COUNT_CACHE_SECONDS = 600
    cache.clear()
    guard.reset()


def test_sitemap_index_counts_once_per_content_change(
    client, count_cache, django_assert_num_queries, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(ColumnSitemap, "limit", 2)
    for _ in range(3):
        ColumnFactory()
    client.get("/sitemap.xml")
    # Only the three dates (one indexed MAX each): the sections' sizes are cached.
    with django_assert_num_queries(3):
        index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-columns.xml?p=2</loc>" in index and "?p=3" not in index
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            ColumnFactory()
    assert "sitemap-columns.xml?p=3</loc>" in client.get("/sitemap.xml").content.decode()


def test_sitemap_sections_are_paged_and_list_everything_across_pages(
    client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(ColumnSitemap, "limit", 2)
    columns = [ColumnFactory() for _ in range(5)]
    found = locations(client)  # follows every page the index lists
    assert all(column.get_absolute_url() in found for column in columns)
    for page in (1, 2, 3):
        # The count (for paging the section) and the page's columns.
        with django_assert_num_queries(2):
            xml = client.get("/sitemap-columns.xml", {"p": page}).content.decode()
        assert xml.count("<url>") == (2 if page < 3 else 1)
    assert client.get("/sitemap-columns.xml", {"p": 4}).status_code == 404


def test_sitemap_page_size_is_bounded():
    assert all(
        (site() if isinstance(site, type) else site).limit <= 1000 for site in SITEMAPS.values()
    )


def test_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-columns.xml?p=abc").status_code == 404


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
