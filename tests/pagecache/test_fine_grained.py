"""A change invalidates the cached pages that show what it touches, and leaves the others."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from columns.models import Column
from core.signals import bulk_saved
from pagecache import guard, versions
from tests.factories import ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db
HOME = "/"


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def archive():
    """Five columns over five years; `saved` is the one an editor will change."""
    trade, world, local = OutletFactory(name="Trade Weekly"), OutletFactory(), OutletFactory()
    return {
        "first": ColumnFactory(title="First", posted_at=at(2020, 3, 10), tags=["Trade"]),
        "unrelated": ColumnFactory(
            title="Unrelated", posted_at=at(2021, 6, 10), tags=["Russia"], outlet=world
        ),
        "before": ColumnFactory(title="Before", posted_at=at(2022, 9, 10), outlet=world),
        "saved": ColumnFactory(
            title="Saved", posted_at=at(2024, 5, 10), tags=["China"], outlet=trade
        ),
        "after": ColumnFactory(title="After", posted_at=at(2025, 1, 10), outlet=local),
    }


def cache_pages(client, urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_saving_a_column_leaves_unrelated_pages_cached(
    client, page_cache, archive, django_capture_on_commit_callbacks
):
    saved, unrelated = archive["saved"], archive["unrelated"]
    showing = [
        HOME,
        saved.get_absolute_url(),
        archive["before"].get_absolute_url(),  # its next column
        archive["after"].get_absolute_url(),  # its previous column
        reverse("tags:detail", args=["china"]),
        reverse("tags:feed", args=["china"]),
        saved.outlet.get_absolute_url(),
        reverse("columns:feed"),
        reverse("columns:month", args=[2024, 5]),
        reverse("columns:year", args=[2024]),
    ]
    not_showing = [
        unrelated.get_absolute_url(),
        reverse("tags:detail", args=["russia"]),
        reverse("tags:feed", args=["russia"]),
        unrelated.outlet.get_absolute_url(),
        reverse("columns:year", args=[2021]),
        reverse("columns:month", args=[2021, 6]),
    ]
    cache_pages(client, showing + not_showing)

    with django_capture_on_commit_callbacks(execute=True):
        saved.title = "Saved, retitled"
        saved.save()

    for url in showing:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Saved, retitled" in response.content.decode(), url
    for url in not_showing:
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_new_column_between_two_shows_on_their_pages(
    client, page_cache, archive, django_capture_on_commit_callbacks
):
    unrelated, before = archive["unrelated"], archive["before"]
    far = archive["saved"].get_absolute_url()  # its neighbours are further on
    cache_pages(client, [unrelated.get_absolute_url(), before.get_absolute_url(), far])
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory(title="In between", posted_at=at(2022, 1, 5))
    for url in (unrelated.get_absolute_url(), before.get_absolute_url()):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "In between" in response.content.decode()
    assert client.get(far)["X-Page-Cache"] == "hit"


def test_a_column_leaving_an_outlet_leaves_its_page(
    client, page_cache, archive, django_capture_on_commit_callbacks
):
    before = archive["before"]
    old_outlet = before.outlet.get_absolute_url()
    cache_pages(client, [old_outlet])
    with django_capture_on_commit_callbacks(execute=True):
        before.outlet = archive["first"].outlet
        before.save()
    response = client.get(old_outlet)
    assert response["X-Page-Cache"] == "miss"
    assert "Before" not in response.content.decode()


def test_a_tag_renamed_shows_on_every_page_that_names_it(
    client, page_cache, archive, django_capture_on_commit_callbacks
):
    saved, unrelated = archive["saved"], archive["unrelated"]
    cache_pages(client, [saved.get_absolute_url(), unrelated.get_absolute_url(), HOME])
    tag = saved.tags.get()
    with django_capture_on_commit_callbacks(execute=True):
        tag.name = "People's Republic"
        tag.save()
    # (Cards on the home page show no tags: the column's page is the one that names it.)
    assert "People&#x27;s Republic" in client.get(saved.get_absolute_url()).content.decode()
    assert client.get(unrelated.get_absolute_url())["X-Page-Cache"] == "hit"


def test_tags_added_and_removed_reach_both_tag_pages(
    client, page_cache, archive, django_capture_on_commit_callbacks
):
    unrelated = archive["unrelated"]
    russia, trade = (reverse("tags:detail", args=[slug]) for slug in ("russia", "trade"))
    cache_pages(client, [russia, trade])
    with django_capture_on_commit_callbacks(execute=True):
        unrelated.tags.set(["Trade"])
    assert client.get(russia).status_code == 404  # no public column carries it any more
    response = client.get(trade)
    assert response["X-Page-Cache"] == "miss"
    assert "Unrelated" in response.content.decode()


def test_a_draft_saved_public_appears_on_its_lists(
    client, page_cache, archive, django_capture_on_commit_callbacks
):
    draft = ColumnFactory(title="Was a draft", posted_at=at(2024, 5, 20), status="draft")
    draft.tags.set(["China"])
    urls = [HOME, reverse("tags:detail", args=["china"]), reverse("columns:month", args=[2024, 5])]
    cache_pages(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        draft.status = "published"
        draft.save()
    for url in urls:
        assert "Was a draft" in client.get(url).content.decode(), url


def test_a_hit_reads_the_stamps_only_after_a_change(
    client, page_cache, archive, monkeypatch, django_capture_on_commit_callbacks
):
    url = archive["unrelated"].get_absolute_url()
    cache_pages(client, [url])
    calls = []

    def counted(method, *args, **kwargs):
        calls.append(method)
        return guard.cache_call(method, *args, **kwargs)

    monkeypatch.setattr("pagecache.near.cache_call", counted)
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]
    with django_capture_on_commit_callbacks(execute=True):
        archive["saved"].save()
    calls.clear()
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert calls == ["get_many", "get_many"]


def test_an_import_or_an_outage_invalidates_everything(client, page_cache, archive):
    from pagecache.versions import bump_content_version

    url = archive["unrelated"].get_absolute_url()
    cache_pages(client, [url])
    bump_content_version()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_an_import_bumps_the_version_once_however_many_batches_it_writes(
    db, page_cache, monkeypatch, django_capture_on_commit_callbacks
):
    bumps = []
    monkeypatch.setattr(versions, "bump_content_version", lambda: bumps.append("bump"))
    for expected in (1, 2):  # and again for the next import
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            for batch in range(3):
                bulk_saved.send(sender=Column, pks=[batch])
        assert len(bumps) == expected
