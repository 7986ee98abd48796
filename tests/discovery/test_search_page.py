"""Readers find search: a box in every page's header and on the 404 page, working without
JavaScript; on the search page, results come before the folded filters."""

import pytest
from django.db import connection

from tests.factories import ColumnFactory, MentionFactory, OutletFactory
from tests.public_site import public_urls

pytestmark = pytest.mark.django_db

HEADER_BOX = (
    '<form class="search-box" role="search" aria-label="Search this site" method="get" '
    'action="/search/">'
)


@pytest.mark.parametrize("name", list(public_urls()))
def test_every_page_has_a_search_box_in_its_header(client, public_site, name):
    html = client.get(public_urls()[name]).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert HEADER_BOX in header
    assert '<label for="site-search" class="visually-hidden">' in header
    assert '<input id="site-search" type="search" name="q"' in header


def test_the_404_page_offers_a_search(client):
    response = client.get("/no/such/page/")
    html = response.content.decode()
    assert response.status_code == 404
    main = html[html.index("<main") :]
    assert 'action="/search/"' in main and '<input id="not-found-q" type="search" name="q"' in main


def test_the_search_page_has_one_search_box(client):
    html = client.get("/search/", {"q": "x"}).content.decode()
    assert html.count('type="search"') == 1


def test_results_come_first_and_the_filters_are_folded(client):
    outlets = [OutletFactory(name=f"Outlet {n}") for n in range(15)]
    for n, outlet in enumerate(outlets):
        ColumnFactory(title=f"Harbour piece {n}", outlet=outlet, tags=[f"Topic {n}"])
    MentionFactory(topic="harbours")
    html = client.get("/search/", {"q": "Harbour"}).content.decode()
    refine, results = html.index('<details class="refine">'), html.index("<ol class")
    assert html.index("16 results for") < refine < results
    assert "<summary>Refine by type, outlet, topic or year</summary>" in html
    # Filters open by themselves when one is applied, so readers see what narrows the list.
    filtered = client.get("/search/", {"q": "Harbour", "outlet": outlets[0].slug})
    assert '<details class="refine" open>' in filtered.content.decode()


def test_the_hint_is_a_whole_sentence_for_the_syntax_the_database_understands(client):
    html = client.get("/search/").content.decode()
    hint = html[html.index('<p class="hint" id="search-hint">') :].split("</p>", 1)[0]
    assert hint.endswith(".") and '"quotes"' in hint and "-Russia" in hint
    assert ("or between two words" in hint) == (connection.vendor == "postgresql")
