"""A tag's page and the index of tags."""

import re

import pytest

from tests.factories import ColumnFactory, MentionFactory
from tests.public_site import text, the_latest_ten, twelve_days_of_mentions

pytestmark = pytest.mark.django_db


def test_tag_page_has_columns_and_mentions_with_a_count(client, public_site):
    html = text(client.get("/tag/sco/"))
    assert "<h1>SCO</h1>" in html and '<p class="count">5 columns · ' in html
    assert "In the media on ‘SCO’" in html and "the SCO summit 2" in html
    html = text(client.get("/tag/china/"))
    assert "<h1>China</h1>" in html and '<p class="count">3 columns</p>' in html
    assert "In the media" not in html.split("</header>", 2)[1]


def test_tag_page_lists_the_latest_mentions_and_links_to_the_rest(
    client, django_assert_num_queries
):
    china = ColumnFactory(tags=["China"]).tags.get()
    for mention in twelve_days_of_mentions("China talk"):
        mention.tags.set([china])
    MentionFactory(topic="a talk on trade").tags.set(["Trade"])
    # tag, count, columns, bylines (cards show no tags), its latest mentions, the site owner
    with django_assert_num_queries(6):
        html = text(client.get("/tag/china/"))
    assert "more than 10 media appearances" in html
    mentions = the_latest_ten(html, "China talk")
    assert 'href="/in-the-media/?tag=china">Every media appearance on ‘China’</a>' in mentions
    # The full list, filtered by the tag; the other filters keep it. The tag, count,
    # mentions, their tags, outlet choices, year choices, the site owner.
    with django_assert_num_queries(7):
        html = text(client.get("/in-the-media/", {"tag": "china"}))
    assert "<h1>In the media on ‘China’</h1>" in html and "12 media appearances" in html
    assert "China talk 00" in html and "China talk 11" in html and "trade" not in html
    assert '<input type="hidden" name="tag" value="china">' in html
    assert 'href="/tag/china/">Columns tagged ‘China’</a>' in html


def test_tag_page_with_few_mentions_lists_them_all_without_the_link(client, public_site):
    html = text(client.get("/tag/sco/"))
    assert '5 columns · <a href="#mentions-heading">3 media appearances</a>' in html
    assert "Every media appearance" not in html


def test_tag_list_counts(client, public_site):
    html = text(client.get("/tags/"))
    assert re.search(r'href="/tag/sco/">SCO</a> <span class="meta">5 columns, 3 mentions', html)
    assert re.search(r'href="/tag/china/">China</a> <span class="meta">3 columns<', html)


def test_tag_pages_after_the_first_skip_the_mentions(client, django_assert_num_queries):
    china = ColumnFactory(tags=["China"]).tags.get()
    ColumnFactory.create_batch(10, tags=[china])
    mention = MentionFactory(topic="a talk on China")
    mention.tags.set([china])
    assert "a talk on China" in text(client.get("/tag/china/"))
    # tag, count, columns, their bylines (cards show no tags), the site owner
    with django_assert_num_queries(5):
        html = text(client.get("/tag/china/?page=2"))
    assert "11 columns" in html and "a talk on China" not in html


def test_a_tag_in_any_script_has_its_pages(client):
    """taggit slugs "Türkiye" as "türkiye"; an ASCII-only URL pattern made every page that
    showed the tag fail."""
    column = ColumnFactory(title="Ankara and the SCO", tags=["Türkiye", "Ελλάδα"])
    page = text(client.get(column.get_absolute_url()))
    assert 'href="/tag/t%C3%BCrkiye/"' in page
    for tag in column.tags.all():
        page = text(client.get(f"/tag/{tag.slug}/"))
        assert "Ankara and the SCO" in page
        assert client.get(f"/tag/{tag.slug}/feed/").status_code == 200
    assert text(client.get(column.get_absolute_url()))
    assert client.get("/api/tags/").status_code == 200


def test_topics_are_sorted_as_people_read_them(client):
    for name in ["CSTO", "Central Asia", "afghanistan", "Égypte", "Egypt", "Belt and Road"]:
        ColumnFactory(tags=[name])
    html = text(client.get("/tags/"))
    names = re.findall(r'<li><a href="/tag/[^"]+/">([^<]+)</a>', html)
    assert names == ["afghanistan", "Belt and Road", "Central Asia", "CSTO", "Egypt", "Égypte"]
