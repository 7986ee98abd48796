"""A column's page from parts kept rendered (columns/column_page.py): the same bytes, fewer
queries, and every change to what the page shows shows at once, page cache off and on."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from citations import records, styles
from columns import column_page
from columns.models import Column
from columns.views import ColumnDetailView
from mentions import appearances
from pagecache import fragments, guard, versions
from tags import links
from tests.factories import (
    AuthorFactory,
    ColumnFactory,
    MentionFactory,
    OutletFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def at(month, day):
    return timezone.make_aware(datetime.datetime(2024, month, day, 12))


# A day, as in production: longer than any clock moved in these tests, so that only an
# invalidation or a go-live can end what is kept.
DAY = 86400


@pytest.fixture
def parts_kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = DAY
    cache.clear()
    guard.reset()
    yield
    cache.clear()


@pytest.fixture
def version_set(parts_kept):
    """A content version and its schedule stored, as any request finds them in production
    (the first request of a new cache reads the schedule: two queries more)."""
    versions.current_version()


@pytest.fixture(params=["page cache off", "page cache on"])
def page_cache_either(request, settings, parts_kept):
    settings.PAGE_CACHE_SECONDS = DAY if request.param == "page cache on" else 0
    return request.param


@pytest.fixture
def columns(monkeypatch):
    """Seven columns over a year; `this` has a co-author, and related columns among the two
    columns on either side (the window, made small), in other months than its neighbours."""
    monkeypatch.setattr(ColumnDetailView, "related_window", 2)
    owner = AuthorFactory(name="The Owner", is_owner=True)
    co_author = AuthorFactory(name="Li Wei", bio="Li Wei is a fellow.")
    return {
        "outside": ColumnFactory(title="Out of the window", posted_at=at(1, 1), tags=["China"]),
        "far": ColumnFactory(title="Far before", posted_at=at(2, 1), tags=["Trade"]),
        "previous": ColumnFactory(title="Just before", posted_at=at(4, 1), tags=["SCO"]),
        "this": ColumnFactory(
            title="This one",
            posted_at=at(5, 5),
            tags=["SCO", "China"],
            bylines=[owner, co_author],
        ),
        "next": ColumnFactory(title="Just after", posted_at=at(5, 20), tags=["China"]),
        "later": ColumnFactory(
            title="Later on",
            posted_at=at(8, 1),
            tags=["SCO"],
            outlet=OutletFactory(name="Asia Times"),
        ),
        "beyond": ColumnFactory(title="Beyond", posted_at=at(12, 1), tags=["SCO"]),
    }


def page(client, column):
    response = client.get(column.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def nav(html):
    return html[html.index('aria-label="Previous and next columns"') :]


def related(html):
    return html[html.index('id="related-heading"') :]


def kept_parts():
    return [key for key in cache._cache if ":fragment:column" in key]


def test_the_same_page_from_kept_parts_in_one_query(
    client, settings, columns, version_set, django_assert_num_queries
):
    url = columns["this"].get_absolute_url()
    settings.FRAGMENT_CACHE_SECONDS = 0
    plain = client.get(url).content
    settings.FRAGMENT_CACHE_SECONDS = DAY
    # The column (with whether it has press mentions), its tags, its bylines with their
    # authors, its neighbours and related columns (one query); and the site owner for the
    # header (cached under the content version in production, not in tests).
    with django_assert_num_queries(5):
        first = client.get(url).content
    assert len(kept_parts()) == 2
    # The column and the site owner: its article and what is around it come from the cache.
    with django_assert_num_queries(2):
        again = client.get(url).content
    assert plain == first == again
    assert "Li Wei is a fellow." in again.decode()


def test_a_column_with_press_mentions_reads_them_only_when_its_article_is_rendered(
    client, columns, version_set, django_assert_num_queries
):
    MentionFactory(column=columns["this"], topic="the summit")
    url = columns["this"].get_absolute_url()
    with django_assert_num_queries(6):  # as above, and its mentions
        first = client.get(url).content
    with django_assert_num_queries(2):
        assert client.get(url).content == first
    assert "about the summit" in first.decode()


def test_a_neighbours_change_renders_only_what_is_around(
    client, parts_kept, columns, django_assert_num_queries, django_capture_on_commit_callbacks
):
    page(client, columns["this"])
    with django_capture_on_commit_callbacks(execute=True):
        columns["next"].title = "Just after, renamed"
        columns["next"].save()
    # The column, its neighbours and related columns, the site owner: its article is kept.
    with django_assert_num_queries(3):
        html = page(client, columns["this"])
    assert "Just after, renamed" in nav(html)


CHANGES = [
    "neighbour's title",
    "related column's title",
    "related column's outlet",
    "related column's tags",
    "tag added in the window",
    "byline added",
    "co-author's bio",
    "neighbour deleted",
    "neighbour unpublished",
    "press mention",
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_what_the_page_shows_shows_at_once(
    client, page_cache_either, columns, change, django_capture_on_commit_callbacks
):
    this, later = columns["this"], columns["later"]
    before = page(client, this)
    assert page(client, this) == before  # kept (and, page cache on, a hit)
    titles = ["Later on", "Just after", "Just before"]  # most shared tags, then the newest
    assert [title for title in titles if title in related(before)] == titles
    assert "Far before" not in related(before) and "Out of the window" not in related(before)
    with django_capture_on_commit_callbacks(execute=True):
        if change == "neighbour's title":
            columns["previous"].title = "Just before, retitled"
            columns["previous"].save()
        elif change == "related column's title":
            later.title = "Later on, retitled"
            later.save()
        elif change == "related column's outlet":
            later.outlet.name = "Asia Times Weekly"
            later.outlet.save()
        elif change == "related column's tags":
            later.tags.set(["Trade"])
        elif change == "tag added in the window":
            columns["far"].tags.add("China")
        elif change == "byline added":
            this.bylines.create(author=AuthorFactory(name="Anna Petrova"), position=5)
        elif change == "co-author's bio":
            co_author = this.ordered_bylines[1].author
            co_author.bio = "Li Wei teaches at the Example School."
            co_author.save()
        elif change == "neighbour deleted":
            columns["next"].delete()
        elif change == "neighbour unpublished":
            columns["previous"].status = Column.Status.DRAFT
            columns["previous"].save()
        else:
            MentionFactory(column=this, topic="the summit")
    html = page(client, this)
    if change == "neighbour's title":
        assert "Just before, retitled" in nav(html) and "Just before, retitled" in related(html)
    elif change == "related column's title":
        assert "Later on, retitled" in related(html)
    elif change == "related column's outlet":
        assert "Asia Times Weekly" in related(html)
    elif change == "related column's tags":
        assert "Later on" not in related(html)
    elif change == "tag added in the window":
        assert "Far before" in related(html)
    elif change == "byline added":
        assert "Anna Petrova" in html
    elif change == "co-author's bio":
        assert "Li Wei teaches at the Example School." in html
        assert "Li Wei is a fellow." not in html
    elif change == "neighbour deleted":
        assert "Just after" not in html and 'rel="next" href="/2024/08/01/' in html
    elif change == "neighbour unpublished":
        assert "Just before" not in html and 'rel="prev" href="/2024/02/01/' in html
    else:
        assert "about the summit" in html


@pytest.mark.parametrize("kind", ["neighbour", "related column"])
def test_a_scheduled_column_appears_right_at_its_time(
    client, page_cache_either, columns, kind, django_capture_on_commit_callbacks
):
    """A neighbour (dated by its outlet between this column and the next, posted here
    later) or a related column (sharing a tag, in the window, months after the neighbours)."""
    this = columns["this"]
    now = timezone.now().replace(microsecond=0)  # whole seconds: the clock lands on it
    go_live = now + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory(
            title="Scheduled",
            tags=[] if kind == "neighbour" else ["China"],
            outlet_published_at=at(5, 10) if kind == "neighbour" else at(7, 1),
            posted_at=go_live,
        )
    with time_machine.travel(now, tick=False):
        assert "Scheduled" not in page(client, this)
    with time_machine.travel(go_live - datetime.timedelta(milliseconds=1), tick=False):
        assert "Scheduled" not in page(client, this)
    with time_machine.travel(go_live, tick=False):
        html = page(client, this)
    assert "Scheduled" in (nav(html) if kind == "neighbour" else related(html))


def test_a_mention_dated_tomorrow_appears_at_midnight(client, page_cache_either, columns):
    this = columns["this"]
    now = timezone.now().replace(microsecond=0)
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    MentionFactory(column=this, topic="the day after", date=tomorrow)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    with time_machine.travel(now, tick=False):
        assert "the day after" not in page(client, this)
        assert "the day after" not in page(client, this)
    with time_machine.travel(midnight, tick=False):
        assert "the day after" in page(client, this)


def test_previews_are_rendered_not_kept(client, parts_kept, columns):
    draft = ColumnFactory(title="Secret draft", status=Column.Status.DRAFT, posted_at=at(5, 10))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "Secret draft" in page(client, draft)
    assert "Secret draft" in page(client, draft)
    assert "Secret draft" not in page(client, columns["this"])  # not a public neighbour
    assert kept_parts()
    assert not [key for key in kept_parts() if f":{draft.pk}:" in key]


def test_each_address_of_the_site_has_its_own_article(client, parts_kept, columns):
    """Its structured data and citation name the page by its absolute address."""
    url = columns["this"].get_absolute_url()
    client.get(url)
    other = client.get(url, HTTP_HOST="localhost").content.decode()
    assert "http://localhost/" in other and "http://testserver/" not in other


def test_kept_articles_are_named_after_the_code_their_tags_render_with(monkeypatch):
    """A deploy that changes only how the Cite section dates a column (citations/records.py)
    or how appearances and tag links read must serve none of the articles kept before."""
    sources = []
    monkeypatch.setattr(fragments, "code_version", lambda *names: sources.extend(names) or "v")
    column_page._article_code.__wrapped__()  # (not the process's remembered digest)
    files = {str(source) for source in sources if isinstance(source, Path)}
    for module in (records, styles, appearances, links, column_page.structured):
        assert module.__file__ in files, module.__name__
