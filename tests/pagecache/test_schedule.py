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
    cache.set(versions.NEXT_CHANGE_KEY, (version, timezone.now().timestamp() - 1), None)
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
        cache.set(versions.NEXT_CHANGE_KEY, (version - 1, None), None)
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
