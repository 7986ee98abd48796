"""Scheduled items going public: a page is kept until then at most, and a hit never asks."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from pagecache import versions
from tests.factories import ColumnFactory, MentionFactory

pytestmark = pytest.mark.django_db
HOME = "/"


@pytest.fixture
def now():
    """A whole second, so that a frozen clock lands exactly on a go-live time."""
    return timezone.now().replace(microsecond=0)


def test_a_scheduled_column_appears_right_at_its_time(client, page_cache, now):
    go_live = now + datetime.timedelta(minutes=1)
    ColumnFactory(title="Out in a minute", posted_at=go_live)
    with time_machine.travel(now, tick=False):
        client.get(HOME)
        assert client.get(HOME)["X-Page-Cache"] == "hit"
    with time_machine.travel(go_live - datetime.timedelta(milliseconds=1), tick=False):
        assert client.get(HOME)["X-Page-Cache"] == "hit"
    with time_machine.travel(go_live, tick=False):
        response = client.get(HOME)
    assert response["X-Page-Cache"] == "miss"
    assert "Out in a minute" in response.content.decode()


def test_a_hit_after_a_go_live_reads_no_database_and_bumps_nothing(
    client, page_cache, now, django_assert_num_queries
):
    go_live = now + datetime.timedelta(minutes=1)
    ColumnFactory(title="Out in a minute", posted_at=go_live)
    with time_machine.travel(now, tick=False):
        client.get(HOME)
        version = versions.current_version()
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert "Out in a minute" in client.get(HOME).content.decode()  # the miss renders
        with django_assert_num_queries(0):
            hit = client.get(HOME)
        assert hit["X-Page-Cache"] == "hit"
        assert "Out in a minute" in hit.content.decode()
        assert versions.current_version() == version


def test_a_hit_never_asks_the_database_even_when_the_stored_schedule_is_past(
    client, page_cache, django_assert_num_queries
):
    ColumnFactory()
    client.get(HOME)
    version = versions.current_version()
    # As a process with a slow clock could find it: the next change stored is already past.
    cache.set(
        versions.SCHEDULE_KEY,
        (version, versions.Schedule(complete_until=timezone.now().timestamp() - 1)),
        None,
    )
    with django_assert_num_queries(0):
        assert client.get(HOME)["X-Page-Cache"] == "hit"
    assert versions.current_version() == version


def test_a_newly_scheduled_column_shortens_the_pages_stored_after_the_save(
    client, page_cache, now, django_capture_on_commit_callbacks
):
    ColumnFactory(title="Already out", posted_at=now - datetime.timedelta(days=1))
    go_live = now + datetime.timedelta(seconds=30)
    with time_machine.travel(now, tick=False):
        client.get(HOME)
        assert client.get(HOME)["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            ColumnFactory(title="Out in half a minute", posted_at=go_live)
        assert client.get(HOME)["X-Page-Cache"] == "miss"  # the save invalidated at once
        assert client.get(HOME)["X-Page-Cache"] == "hit"
    with time_machine.travel(go_live, tick=False):
        assert "Out in half a minute" in client.get(HOME).content.decode()


def test_an_answer_stored_for_an_older_version_is_asked_again(client, page_cache, now):
    """A miss that read the version just before a bump may store its schedule after the
    bump's: the one for the older version must not decide how long new pages live."""
    go_live = now + datetime.timedelta(minutes=1)
    ColumnFactory(title="Out in a minute", posted_at=go_live)
    with time_machine.travel(now, tick=False):
        version = versions.current_version()
        cache.set(versions.SCHEDULE_KEY, (version - 1, versions.Schedule()), None)
        client.get(HOME)
    with time_machine.travel(go_live, tick=False):
        assert "Out in a minute" in client.get(HOME).content.decode()


def test_a_mention_dated_tomorrow_appears_at_midnight(client, page_cache, now):
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    MentionFactory(topic="the day after", date=tomorrow)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    media = reverse("mentions:list")
    with time_machine.travel(now, tick=False):
        assert "the day after" not in client.get(media).content.decode()
        assert client.get(media)["X-Page-Cache"] == "hit"
    with time_machine.travel(midnight, tick=False):
        assert "the day after" in client.get(media).content.decode()


def test_cached_counts_end_at_the_go_live_too(client, settings, page_cache, now):
    settings.PAGE_CACHE_SECONDS = 0  # counts are cached on their own
    settings.COUNT_CACHE_SECONDS = 600
    go_live = now + datetime.timedelta(minutes=1)
    ColumnFactory(tags=["China"], posted_at=now - datetime.timedelta(days=1))
    ColumnFactory(tags=["China"], posted_at=go_live)
    with time_machine.travel(now, tick=False):
        assert "1 column" in client.get("/tags/").content.decode()
    with time_machine.travel(go_live, tick=False):
        assert "2 columns" in client.get("/tags/").content.decode()


def test_a_go_live_expires_only_the_pages_that_will_show_the_column(client, page_cache, now):
    go_live = now + datetime.timedelta(minutes=1)
    ColumnFactory(tags=["China"], posted_at=now.replace(2019))
    # Between two others, a column's page depends on their window only, not on the latest.
    old = ColumnFactory(title="From the archive", tags=["China"], posted_at=now.replace(2020))
    scheduled = ColumnFactory(title="Out in a minute", tags=["Russia"], posted_at=go_live)
    ColumnFactory(tags=["Russia"], outlet=scheduled.outlet, posted_at=now.replace(2021))
    showing = [HOME, "/feed/", "/tag/russia/", scheduled.outlet.get_absolute_url()]
    unrelated = ["/tag/china/", old.get_absolute_url()]
    with time_machine.travel(now, tick=False):
        for url in showing + unrelated:
            client.get(url)
            assert client.get(url)["X-Page-Cache"] == "hit", url
    with time_machine.travel(go_live, tick=False):
        for url in showing:
            response = client.get(url)
            assert response["X-Page-Cache"] == "miss", url
            assert "Out in a minute" in response.content.decode(), url
        for url in unrelated:
            assert client.get(url)["X-Page-Cache"] == "hit", url


def test_http_caches_keep_a_page_until_a_go_live_it_would_show(client, page_cache, settings, now):
    settings.HTTP_CACHE_SECONDS = 300
    go_live = now + datetime.timedelta(minutes=1)
    ColumnFactory(tags=["China"], posted_at=now - datetime.timedelta(days=1))
    ColumnFactory(tags=["Russia"], posted_at=now - datetime.timedelta(days=1))
    ColumnFactory(tags=["Russia"], posted_at=go_live)
    with time_machine.travel(now, tick=False):
        for _ in ("miss", "hit"):
            assert "s-maxage=60" in client.get("/tag/russia/")["Cache-Control"]
            assert "s-maxage=300" in client.get("/tag/china/")["Cache-Control"]


def test_the_schedule_costs_the_same_queries_however_many_columns_wait(
    db, now, django_assert_num_queries
):
    ColumnFactory(tags=["China"], posted_at=now + datetime.timedelta(days=1))
    with django_assert_num_queries(4) as one:  # columns, their tags, authors; mentions
        versions.read_schedule()
    for day in range(2, 7):
        ColumnFactory(tags=["China", "SCO"], posted_at=now + datetime.timedelta(days=day))
    with django_assert_num_queries(len(one.captured_queries)):
        schedule = versions.read_schedule()
    assert len(schedule.items) == 6
    assert [at for at, _, _ in schedule.items] == sorted(at for at, _, _ in schedule.items)


def test_past_the_known_schedule_nothing_is_kept(client, page_cache, monkeypatch, now):
    monkeypatch.setattr(versions, "SCHEDULE_SIZE", 2)
    ColumnFactory(tags=["China"], posted_at=now - datetime.timedelta(days=1))
    for hours in (1, 2, 3):
        ColumnFactory(tags=["Russia"], posted_at=now + datetime.timedelta(hours=hours))
    with time_machine.travel(now, tick=False):
        client.get("/tag/china/")
        assert client.get("/tag/china/")["X-Page-Cache"] == "hit"
    # The third column is not known ahead: every page ends when the list stops being complete.
    with time_machine.travel(now + datetime.timedelta(hours=3), tick=False):
        assert client.get("/tag/china/")["X-Page-Cache"] == "miss"


def test_the_pages_of_a_column_that_went_public_are_warmed(client, page_cache, monkeypatch, now):
    warmed = []
    monkeypatch.setattr(versions.warmer, "warm", warmed.extend)
    go_live = now + datetime.timedelta(minutes=1)
    column = ColumnFactory(tags=["Russia"], posted_at=go_live)
    with time_machine.travel(now, tick=False):
        client.get(HOME)
        assert warmed == []
    with time_machine.travel(go_live, tick=False):
        client.get(HOME)  # the miss that learns the schedule has moved on
    assert column.get_absolute_url() in warmed
    assert reverse("tags:detail", args=["russia"]) in warmed
