"""A column's card in lists: headline, standfirst (or a short excerpt), outlet and date,
co-authors; never the intro note, the article or the tags."""

import pytest

from tests.factories import AuthorFactory, ColumnFactory, OutletFactory
from tests.public_site import text

pytestmark = pytest.mark.django_db


def card_of(html, title):
    start = html.index(title)
    return html[html.rindex("<article", 0, start) : html.index("</article>", start)]


def test_a_card_without_a_standfirst_shows_the_start_of_its_excerpt_as_plain_text(client):
    words = " ".join(f"word{n}" for n in range(60))
    ColumnFactory(title="No standfirst", dek="", body=f"<p><em>Tom &amp; Jerry</em> {words}</p>")
    card = card_of(text(client.get("/")), "No standfirst")
    assert '<p class="card-summary">Tom &amp; Jerry word0' in card
    assert "<em>" not in card and "word26…" in card and "word27" not in card


def test_cards_name_co_authors_and_the_authors_of_columns_the_owner_did_not_write(client):
    owner = AuthorFactory(name="Jane Roe", is_owner=True)
    li, sam = AuthorFactory(name="Li Wei"), AuthorFactory(name="Sam Doe")
    ColumnFactory(title="Hers alone", bylines=[owner])
    ColumnFactory(title="With two", bylines=[owner, li, sam])
    ColumnFactory(title="Theirs", bylines=[li])
    html = text(client.get("/"))
    assert "Jane Roe</a>" not in card_of(html, "Hers alone") and " · with" not in card_of(
        html, "Hers alone"
    )
    assert "· with <a" in card_of(html, "With two") and "Li Wei</a> and <a" in card_of(
        html, "With two"
    )
    assert "· by <a" in card_of(html, "Theirs")
    # On Li Wei's own page, their name is not repeated on their cards.
    page = text(client.get(li.get_absolute_url()))
    assert "Li Wei</a>" not in card_of(page, "Theirs")
    assert "Sam Doe</a>" in card_of(page, "With two")


def test_an_outlets_page_does_not_repeat_its_name_on_every_card(client):
    paper = OutletFactory(name="The Harbour Herald")
    ColumnFactory.create_batch(3, outlet=paper)
    html = text(client.get(paper.get_absolute_url()))
    cards = html[html.index("<article") : html.rindex("</article>")]
    assert cards.count("<article") == 3 and "The Harbour Herald" not in cards
    assert '<h2 id="columns-heading">Columns in The Harbour Herald</h2>' in html
