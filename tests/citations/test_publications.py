import datetime

from tests.factories import ColumnFactory

UTC = datetime.UTC


def test_publications_page_lists_references_by_year(client, column):
    ColumnFactory(title="An older piece", posted_at=datetime.datetime(2022, 5, 1, tzinfo=UTC))
    response = client.get("/publications/")
    assert response.status_code == 200
    html = response.text
    assert html.index('id="year-2024"') < html.index('id="year-2022"')
    assert "Pantucci, R., &amp; von der Leyen, U. (2024, March 5)." in html
    assert 'href="/publications.bib"' in html
    assert 'name="robots"' not in html


def test_publications_in_another_style_and_filtered(client, column):
    html = client.get("/publications/?style=chicago&tag=sco").text
    assert "Pantucci, Raffaello, and Ursula von der Leyen. 2024." in html
    assert 'href="/publications.bib?tag=sco"' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert client.get("/publications/?style=nonsense").status_code == 200


def test_publications_page_survives_hostile_parameters(client, column):
    for query in [
        "page=abc",
        "page=99999999999999",
        "year=0000",
        "author=%00",
        "tag=" + "x" * 5000,
    ]:
        assert client.get(f"/publications/?{query}").status_code == 200, query


def test_publications_are_cached_per_filter_and_style_only(client, column, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    first = client.get("/publications/?style=chicago&utm_source=x")
    assert "Pantucci, Raffaello" in first.text
    again = client.get("/publications/?style=chicago&utm_source=y")
    assert again["X-Page-Cache"] == "hit"  # the junk parameter is not part of the key
    assert client.get("/publications/?style=apa")["X-Page-Cache"] == "miss"
