"""Only the query parameters a page reads make its cache key (issue 14, item 16)."""

import pytest
import redis
from django.urls import reverse

from pagecache.query import MAX_QUERY_LENGTH
from redirects.models import Redirect
from tests.factories import ColumnFactory, MentionFactory

from .conftest import TEST_REDIS_URL

pytestmark = pytest.mark.django_db
HOME = "/"


def test_junk_parameters_get_the_canonical_page_and_add_no_keys(client, redis_page_cache, settings):
    ColumnFactory(title="The canonical page")
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    server = redis.Redis.from_url(TEST_REDIS_URL)
    canonical = client.get(HOME)
    keys = len(server.keys(f"{prefix}:*"))
    for n in range(200):
        response = client.get(f"{HOME}?utm_x={n}&pad={'x' * 100}")
        assert response["X-Page-Cache"] == "hit"
        assert response.content == canonical.content
    assert len(server.keys(f"{prefix}:*")) == keys


def test_the_canonical_page_carries_no_junk_in_its_links(client, page_cache):
    for n in range(12):
        ColumnFactory(title=f"Column {n}")
    response = client.get(f"{HOME}?fbclid=abc")
    assert "fbclid" not in response.content.decode()
    assert "?page=2" in response.content.decode()


def test_parameters_a_page_reads_are_part_of_its_key(client, page_cache):
    MentionFactory(topic="on the wire", outlet__slug="wire")
    MentionFactory(topic="on the radio", outlet__slug="radio")
    media = reverse("mentions:list")
    assert "on the radio" in client.get(media).content.decode()
    filtered = client.get(f"{media}?outlet=wire&utm_source=x")
    assert filtered["X-Page-Cache"] == "miss"
    assert "on the radio" not in filtered.content.decode()
    again = client.get(f"{media}?utm_medium=y&outlet=wire")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == filtered.content


@pytest.mark.parametrize("page", ["abc", "999", "0"])
def test_a_page_number_that_is_not_one_is_served_but_not_kept(client, page_cache, page):
    ColumnFactory()
    assert client.get(f"{HOME}?page={page}").status_code == 200
    assert client.get(f"{HOME}?page={page}").get("X-Page-Cache") != "hit"


def test_a_page_that_reads_its_parameters_is_cached_per_parameter(client, page_cache):
    for n in range(12):
        ColumnFactory(title=f"Column {n}")
    client.get(f"{HOME}?page=2")
    assert client.get(f"{HOME}?page=2")["X-Page-Cache"] == "hit"


def test_a_view_that_says_nothing_is_not_cached_with_a_query(client, page_cache):
    ColumnFactory()
    url = reverse("discovery:sitemap") + "?x=1"
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)
    client.get(reverse("discovery:sitemap"))
    assert client.get(reverse("discovery:sitemap"))["X-Page-Cache"] == "hit"


def test_a_long_query_is_served_but_not_kept(client, page_cache):
    ColumnFactory(title="Findable words")
    url = f"{reverse('discovery:search')}?q={'word+' * MAX_QUERY_LENGTH}"
    assert client.get(url).status_code == 200
    assert "X-Page-Cache" not in client.get(url)


def test_wordpress_links_still_redirect_with_the_home_page_cached(client, page_cache):
    column = ColumnFactory()
    Redirect.objects.create(old_path="/?p=12", new_path=column.get_absolute_url())
    client.get(HOME)
    assert client.get(HOME)["X-Page-Cache"] == "hit"
    response = client.get("/?p=12")
    assert response.status_code == 301
    assert response["Location"] == column.get_absolute_url()
    assert client.get("/?p=13")["X-Page-Cache"] == "hit"  # unknown: the home page
