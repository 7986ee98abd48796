"""An outlet's page and the index of outlets."""

import pytest

from tests.factories import MentionFactory, OutletFactory
from tests.public_site import text, the_latest_ten, twelve_days_of_mentions

pytestmark = pytest.mark.django_db


def test_outlet_page_has_two_sections(client, public_site):
    html = text(client.get("/outlet/scmp/"))
    # Only the sections that have something, and no count of nothing.
    assert '<p class="count">3 columns</p>' in html and "0 media" not in html
    assert "Columns in South China Morning Post" in html
    assert 'id="mentions-heading"' not in html
    # An outlet's cards don't repeat its name; its name is in the heading once.
    cards = html.split('id="columns-heading"', 1)[1]
    assert "South China Morning Post" not in cards.split("</h2>", 1)[1]
    html = text(client.get("/outlet/reuters/"))
    assert '<p class="count"><a href="#mentions-heading">3 media appearances</a></p>' in html
    assert 'id="columns-heading"' not in html and "0 columns" not in html
    assert "Media appearances</h2>" in html
    assert "the SCO summit 1" in html and "Every media appearance" not in html


def test_outlet_page_lists_the_latest_mentions_and_links_to_the_rest(
    client, django_assert_num_queries
):
    afp = OutletFactory(name="AFP", slug="afp")
    twelve_days_of_mentions("AFP talk", outlet=afp)
    MentionFactory(topic="a talk elsewhere")
    # outlet, count (no columns: nothing more to load for them), its latest mentions, the
    # site owner
    with django_assert_num_queries(4):
        html = text(client.get("/outlet/afp/"))
    assert '<p class="count"><a href="#mentions-heading">more than 10 media appearances</a>' in html
    mentions = the_latest_ten(html, "AFP talk")
    assert 'href="/in-the-media/?outlet=afp">Every media appearance with AFP</a>' in mentions
    html = text(client.get("/in-the-media/", {"outlet": "afp"}))
    assert "AFP talk 00" in html and "AFP talk 11" in html and "elsewhere" not in html


def test_outlet_list_counts(client, public_site):
    OutletFactory(name="Unused Gazette")
    html = text(client.get("/outlets/"))
    assert 'South China Morning Post</a> <span class="meta">Newspaper · 3 columns' in html
    assert "3 media appearances" in html
    assert "Unused Gazette" not in html
