"""Columns' cards and feed entries kept rendered (pagecache/fragments.py): the same pages,
fewer queries, and every change to what one shows shows at once, page cache off and on."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from columns.models import Column, prefetch_card_data
from pagecache import fragments
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db
HOME = "/"


@pytest.fixture
def cards_kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(params=["page cache off", "page cache on"])
def page_cache_either(request, settings, cards_kept):
    settings.PAGE_CACHE_SECONDS = 600 if request.param == "page cache on" else 0


@pytest.fixture
def column():
    owner = AuthorFactory(name="The Owner", is_owner=True)
    return ColumnFactory(
        title="Steppe diplomacy",
        tags=["SCO"],
        outlet=OutletFactory(name="Trade Weekly"),
        bylines=[owner, AuthorFactory(name="Li Wei")],
    )


def card_pages(column):
    byline_author = column.ordered_bylines[1].author
    return [
        HOME,
        reverse("tags:detail", args=["sco"]),
        column.outlet.get_absolute_url(),
        reverse("columns:month", args=[column.day.year, f"{column.day.month:02d}"]),
        reverse("columns:year", args=[column.day.year]),
        reverse("columns:feed"),
        reverse("tags:feed_json", args=["sco"]),
        reverse("outlets:feed_rss", args=[column.outlet.slug]),
        byline_author.get_absolute_url(),
    ]


def kept_cards():
    return [key for key in cache._cache if ":fragment:card:" in key]


def test_cards_come_from_the_cache_with_the_same_html_and_fewer_queries(
    client, settings, column, django_assert_num_queries
):
    ColumnFactory(title="Another", bylines=[AuthorFactory()])
    settings.FRAGMENT_CACHE_SECONDS = 0
    plain = client.get(HOME).content
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    first = client.get(HOME).content
    assert len(kept_cards()) == 2
    # The count, the columns with their outlets, the two strips and the site owner: the
    # bylines are not read when every card is kept.
    with django_assert_num_queries(5):
        again = client.get(HOME).content
    assert plain == first == again


def test_a_card_depends_on_its_page(client, settings, cards_kept, column):
    """The same column's card on the home page (h2, its outlet), a tag's (h3), its outlet's
    (no outlet) and its co-author's (byline "with" the co-author's implied)."""
    pages = card_pages(column)
    settings.FRAGMENT_CACHE_SECONDS = 0
    plain = {url: client.get(url).content for url in pages}
    settings.FRAGMENT_CACHE_SECONDS = 600
    assert {url: client.get(url).content for url in pages} == plain  # rendered and kept
    assert {url: client.get(url).content for url in pages} == plain  # from the cache
    outlet_page = plain[column.outlet.get_absolute_url()].decode()
    assert "Steppe diplomacy" in outlet_page
    assert 'class="meta"><a href="/outlets/' not in outlet_page


@pytest.mark.parametrize(
    "change",
    ["column title", "outlet name", "author name", "new co-author", "byline removed"],
)
def test_a_change_to_what_a_card_shows_changes_every_page(
    client, page_cache_either, column, change, django_capture_on_commit_callbacks
):
    pages = card_pages(column)
    for url in pages:
        client.get(url)
        client.get(url)
    co_author = column.ordered_bylines[1].author
    with django_capture_on_commit_callbacks(execute=True):
        if change == "column title":
            column.title, expected = "Steppe diplomacy, revised", "Steppe diplomacy, revised"
            column.save()
        elif change == "outlet name":
            column.outlet.name = expected = "Trade Monthly"
            column.outlet.save()
        elif change == "author name":
            co_author.name = expected = "Li Wei-ming"
            co_author.save()
        elif change == "new co-author":
            column.bylines.create(author=AuthorFactory(name="Anna Petrova"), position=5)
            expected = "Anna Petrova"
        else:
            column.bylines.filter(author=co_author).delete()
            expected = None
    for url in pages[:-1] if change == "byline removed" else pages:
        content = client.get(url).content.decode()
        if expected:
            assert expected in content, url
        else:
            assert "Li Wei" not in content, url


def test_a_tag_renamed_shows_on_its_page_and_the_column(
    client, page_cache_either, column, django_capture_on_commit_callbacks
):
    tag = column.tags.get()
    urls = [
        reverse("tags:detail", args=["sco"]),
        column.get_absolute_url(),
        reverse("columns:feed"),
        reverse("columns:feed_json"),
        reverse("tags:feed_rss", args=["sco"]),
    ]
    for url in [*urls, HOME]:
        client.get(url)
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        tag.name = "Shanghai Cooperation"
        tag.save()
    for url in urls:
        assert "Shanghai Cooperation" in client.get(url).content.decode(), url


def test_feed_entries_come_from_the_cache_the_same_in_every_format(
    client, settings, column, django_assert_num_queries
):
    feeds = [reverse("columns:feed"), reverse("columns:feed_rss"), reverse("columns:feed_json")]
    settings.FRAGMENT_CACHE_SECONDS = 0
    plain = [client.get(url).content for url in feeds]
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    assert [client.get(url).content for url in feeds] == plain
    # The columns and the site's owner: no tags, no bylines.
    with django_assert_num_queries(2):
        assert client.get(feeds[2]).content == plain[2]
    # An entry's links are absolute: another address of the site has its own.
    other = client.get(feeds[0], HTTP_HOST="localhost").content.decode()
    assert "http://localhost/" in other and "http://testserver/" not in other


def test_drafts_and_previews_are_never_kept(client, cards_kept, column):
    draft = ColumnFactory(title="Secret draft", status=Column.Status.DRAFT)
    scheduled = ColumnFactory(title="Not yet", posted_at=column.posted_at.replace(year=2999))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for url in [*card_pages(column), draft.get_absolute_url(), scheduled.get_absolute_url()]:
        assert client.get(url).status_code == 200, url
    assert kept_cards()
    assert not [key for key in kept_cards() if f":{draft.pk}:" in key or f":{scheduled.pk}:" in key]
    # Even when a list hands a draft to the cards (none does): rendered, not kept.
    template = engines["django"].from_string("{% load cards %}{% column_cards columns %}")
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = template.render({"columns": [draft, scheduled]}, request)
    assert "Secret draft" in html and "Not yet" in html
    assert not [key for key in kept_cards() if f":{draft.pk}:" in key or f":{scheduled.pk}:" in key]


def test_keys_of_a_card(column):
    loaded = Column.objects.for_cards().get(pk=column.pk)
    prefetch_card_data([loaded])
    keys = fragments.instance_keys(loaded)
    byline = loaded.ordered_bylines[1]
    assert {
        f"columns.column:{column.pk}",
        f"columns.column:{column.pk}:members",
        f"outlets.outlet:{column.outlet_id}",
        f"columns.byline:{byline.pk}",
        f"columns.author:{byline.author_id}",
    } <= keys


def test_cards_kept_in_redis(
    client,
    settings,
    redis_page_cache,
    column,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    """The same on Redis, as in production: kept, served, and invalidated by a change."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SECONDS = 0
    tag_page = reverse("tags:detail", args=["sco"])
    first = client.get(tag_page).content
    # The tag, the count, the columns, the mentions, the site owner: no bylines.
    with django_assert_num_queries(5):
        assert client.get(tag_page).content == first
    co_author = column.ordered_bylines[1].author
    with django_capture_on_commit_callbacks(execute=True):
        co_author.name = "Li Wei-ming"
        co_author.save()
    assert "Li Wei-ming" in client.get(tag_page).content.decode()


def test_parts_kept_in_redis_end_at_the_go_live_that_touches_them(
    client, settings, redis_page_cache, column, django_capture_on_commit_callbacks
):
    """A column's page's parts in Redis, as in production: what is around the column ends
    when a column scheduled next to it goes public, its article (which that does not touch)
    lives its day; the same for the cards of a list."""
    settings.FRAGMENT_CACHE_SECONDS = 86400
    settings.PAGE_CACHE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory(title="Out in an hour", posted_at=timezone.now() + timedelta(hours=1))
    client.get(column.get_absolute_url())
    client.get(HOME)
    ttls = {
        kind: [cache.ttl(key) for key in cache.keys(f"{fragments.PREFIX}{kind}:*")]
        for kind in ("column", "column-around", "card")
    }
    assert [ttl > 86000 for ttl in ttls["column"]] == [True]
    assert [3500 < ttl <= 3600 for ttl in ttls["column-around"]] == [True]
    assert ttls["card"] and all(ttl > 86000 for ttl in ttls["card"])
