"""In the media: the list of mentions, its filters and pages."""

import datetime

import pytest

from tests.factories import MentionFactory
from tests.public_site import text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["nothing", "", "%20"])
def test_in_the_media_with_an_unknown_tag(client, public_site, slug):
    html = text(client.get("/in-the-media/", {"tag": slug}))
    if slug.strip():
        assert "No media appearances match this filter" in html


@pytest.mark.parametrize("name", ["outlet", "tag", "year"])
@pytest.mark.parametrize("value", ["sco\x00", "\x00", "x" * 10_000, "%00"])
def test_in_the_media_with_a_hostile_filter(client, public_site, name, value):
    """A NUL byte made PostgreSQL refuse the query (a 500): found by Wapiti."""
    response = client.get("/in-the-media/", {name: value})
    assert response.status_code == 200


def test_in_the_media_groups_by_month_and_filters(client, public_site):
    MentionFactory(
        outlet=public_site["paper"], topic="an old topic", date=datetime.date(2016, 3, 4)
    )
    html = text(client.get("/in-the-media/"))
    assert "4 media appearances" in html
    assert html.index("June 2018") < html.index("March 2016")
    by_outlet = text(client.get("/in-the-media/", {"outlet": "scmp"}))
    assert "an old topic" in by_outlet and "the SCO summit" not in by_outlet
    by_year = text(client.get("/in-the-media/", {"year": "2018"}))
    assert "the SCO summit 0" in by_year and "an old topic" not in by_year
    assert '<option value="2018" selected>' in by_year


@pytest.mark.parametrize(
    "query",
    [{"year": "abc"}, {"year": "99999"}, {"outlet": "nowhere"}, {"page": "x"}, {"page": "9999"}],
)
def test_in_the_media_never_fails_on_bad_filters(client, public_site, query):
    assert client.get("/in-the-media/", query).status_code == 200


def test_mention_filters_survive_page_links(client, public_site):
    for _ in range(55):
        MentionFactory(outlet=public_site["agency"], date=datetime.date(2018, 1, 1))
    html = text(client.get("/in-the-media/", {"outlet": "reuters"}))
    assert 'href="?outlet=reuters&amp;page=2"' in html
