"""Lists and feeds keep their page's ids, counts and lookups (pagecache.paginator.kept), as in
production with the page cache off: a warm page runs no query, shows the same bytes, and
every change to what it lists shows at once, page cache off and on."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from columns.models import Column
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
HOME = "/"


@pytest.fixture
def production(settings):
    """Counts, lookups and fragments kept, as `make prod` keeps them."""
    settings.COUNT_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture(params=["page cache off", "page cache on"])
def kept_either(request, production):
    production.PAGE_CACHE_SECONDS = 600 if request.param == "page cache on" else 0


@pytest.fixture
def column():
    owner = AuthorFactory(name="The Owner", is_owner=True)
    for n in range(12):  # two pages of the home page's and the tag's lists
        ColumnFactory(
            title=f"Older piece {n}",
            tags=["SCO"],
            posted_at=timezone.now() - datetime.timedelta(days=40 + n),
            bylines=[owner],
        )
    MentionFactory(topic="the SCO summit").tags.set(["SCO"])
    return ColumnFactory(
        title="Steppe diplomacy",
        tags=["SCO"],
        outlet=OutletFactory(name="Trade Weekly"),
        bylines=[owner, AuthorFactory(name="Li Wei")],
    )


def month_of(day):
    return reverse("columns:month", args=[day.year, f"{day.month:02d}"])


def list_pages(column):
    """The lists and feeds that show `column`."""
    return [
        HOME,
        reverse("tags:detail", args=["sco"]),
        month_of(column.day),
        reverse("columns:year", args=[column.day.year]),
        column.outlet.get_absolute_url(),
        column.ordered_bylines[1].author.get_absolute_url(),
        reverse("columns:feed"),
        reverse("columns:feed_rss"),
        reverse("tags:feed", args=["sco"]),
        reverse("tags:feed_json", args=["sco"]),
    ]


def all_pages(column):
    return [*list_pages(column), "/?page=2", reverse("tags:detail", args=["sco"]) + "?page=2"]


def test_warm_lists_and_feeds_run_no_query_and_show_the_same_bytes(
    client, settings, column, django_assert_num_queries
):
    settings.COUNT_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    plain = {url: client.get(url).content for url in all_pages(column)}
    settings.COUNT_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()
    assert {url: client.get(url).content for url in all_pages(column)} == plain
    for url in all_pages(column):
        with django_assert_num_queries(0):
            assert client.get(url).content == plain[url], url


def test_a_changed_card_loads_its_row_only(
    client, production, column, django_assert_num_queries, django_capture_on_commit_callbacks
):
    tag_page = reverse("tags:detail", args=["sco"])
    client.get(tag_page)
    with django_capture_on_commit_callbacks(execute=True):
        column.outlet.name = "Trade Monthly"
        column.outlet.save()
    # The site owner (kept under the content version, columns/context_processors.py), the
    # column with its outlet, and its bylines: the list, its count and the tag are kept.
    with django_assert_num_queries(3):
        assert "Trade Monthly" in client.get(tag_page).content.decode()


def edit(change, column, now):
    """Make `change`; what the pages show then, and what they no longer show."""
    if change == "column title":
        column.title = "Steppe diplomacy, revised"
        column.save()
        return "Steppe diplomacy, revised", None
    if change == "tag removed":
        column.tags.remove("SCO")
        return None, "Steppe diplomacy"
    if change == "new column":
        authors = [byline.author for byline in column.ordered_bylines]
        ColumnFactory(
            title="Fresh from the steppe", tags=["SCO"], outlet=column.outlet, bylines=authors
        )
        return "Fresh from the steppe", None
    if change == "unpublished":
        column.status = Column.Status.DRAFT
        column.save()
        return None, "Steppe diplomacy"
    if change == "new mention":
        MentionFactory(topic="the Astana talks", outlet=column.outlet).tags.set(["SCO"])
        return "the Astana talks", None
    if change == "outlet renamed":
        column.outlet.name = "Trade Monthly"
        column.outlet.save()
        return "Trade Monthly", None
    raise AssertionError(change)


# Which of the lists show each change (a mention is on the home page, its tag's and
# its outlet's, never in a feed or a date archive).
SHOWN_ON = {
    "new mention": [HOME, "tag", "outlet"],
    "tag removed": ["tag", "tag feed"],
}


def pages_showing(change, column):
    names = {
        HOME: HOME,
        "tag": reverse("tags:detail", args=["sco"]),
        "outlet": column.outlet.get_absolute_url(),
        "tag feed": reverse("tags:feed", args=["sco"]),
    }
    if change in SHOWN_ON:
        return [names[name] for name in SHOWN_ON[change]]
    return list_pages(column)


@pytest.mark.parametrize(
    "change",
    ["column title", "tag removed", "new column", "unpublished", "new mention", "outlet renamed"],
)
def test_an_edit_shows_at_once(
    client, kept_either, column, change, django_capture_on_commit_callbacks
):
    now = timezone.now()
    pages = pages_showing(change, column)
    for url in all_pages(column):
        client.get(url)
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        shown, gone = edit(change, column, now)
    for url in pages:
        content = client.get(url).content.decode()
        if shown:
            assert shown in content, url
        if gone:
            assert gone not in content, url


def test_a_scheduled_column_shows_at_once_when_it_goes_public(client, kept_either, column):
    now = timezone.now().replace(microsecond=0)
    go_live = now + datetime.timedelta(minutes=1)
    scheduled = ColumnFactory(
        title="Out in a minute", tags=["SCO"], outlet=column.outlet, posted_at=go_live
    )
    pages = [
        HOME,
        reverse("tags:detail", args=["sco"]),
        month_of(scheduled.day),
        column.outlet.get_absolute_url(),
        reverse("columns:feed"),
        reverse("tags:feed_rss", args=["sco"]),
    ]
    with time_machine.travel(now, tick=False):
        for url in pages:
            client.get(url)
            assert "Out in a minute" not in client.get(url).content.decode(), url
    with time_machine.travel(go_live, tick=False):
        for url in pages:
            assert "Out in a minute" in client.get(url).content.decode(), url


def test_a_tag_renamed_away_and_its_slug_reused(
    client, kept_either, column, django_capture_on_commit_callbacks
):
    """A tag is kept by its slug: a rename frees the slug, and another tag may take it."""
    tag_page, tag_feed = reverse("tags:detail", args=["sco"]), reverse("tags:feed", args=["sco"])
    assert client.get(tag_page).status_code == client.get(tag_feed).status_code == 200
    other = ColumnFactory(title="On another topic", tags=["Other"])
    with django_capture_on_commit_callbacks(execute=True):
        tag = column.tags.get()
        tag.slug = "sco-old"
        tag.save()
    assert client.get(tag_page).status_code == client.get(tag_feed).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        tag = other.tags.get()
        tag.slug = "sco"
        tag.save()
    for url in tag_page, tag_feed:
        content = client.get(url).content.decode()
        assert "On another topic" in content and "Steppe diplomacy" not in content, url


def kept_values():
    return {key for key in cache._cache if ":kept:" in key}


def test_pages_that_are_not_one_are_not_kept(client, production, column):
    client.get(HOME)
    client.get(HOME, {"page": "2"})
    before = kept_values()
    for page in ["abc", "999", "3", "02", "-1", "1" * 40]:
        assert client.get(HOME, {"page": page}).status_code == 200
    assert kept_values() == before
