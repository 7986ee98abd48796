"""A column's page as citation managers, search engines and Mastodon read it."""

import datetime
import json
import re
import zoneinfo

import mf2py
import pytest

from outlets.models import Outlet
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory


def meta(html, name):
    return re.findall(rf'<meta name="{re.escape(name)}" content="([^"]*)">', html)


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def test_highwire_prism_and_dublin_core_for_zotero(client, column):
    html = client.get(column.get_absolute_url()).text
    assert meta(html, "citation_title") == ["Why the SCO matters"]
    assert meta(html, "citation_author") == ["Raffaello Pantucci", "Ursula von der Leyen"]
    assert meta(html, "citation_publication_date") == ["2024/03/05"]
    assert meta(html, "citation_journal_title") == ["The Diplomat"]
    assert meta(html, "citation_public_url") == ["https://thediplomat.com/2024/03/sco/"]
    assert meta(html, "prism.publicationName") == ["The Diplomat"]
    assert meta(html, "prism.genre") == ["opinion"]
    assert meta(html, "DC.creator") == ["Raffaello Pantucci", "Ursula von der Leyen"]
    # Zotero files a page with citation_journal_title as a journal article unless told:
    # Dublin Core's NewsItem makes it a newspaper article, PRISM's magazine a magazine one.
    assert meta(html, "DC.type") == ["NewsItem"]
    assert meta(html, "prism.aggregationType") == []


def test_a_magazine_column_is_filed_as_a_magazine_article(client, column):
    column.outlet.kind = Outlet.Kind.MAGAZINE
    column.outlet.save()
    html = client.get(column.get_absolute_url()).text
    assert meta(html, "prism.aggregationType") == ["magazine"]
    assert meta(html, "DC.type") == ["Text"]


def test_cite_section_formats_the_reference_and_offers_downloads(client, column):
    html = client.get(column.get_absolute_url()).text
    section = html[html.index('id="cite-heading"') :]
    assert "<dt>APA</dt>" in section and "<dt>Chicago</dt>" in section
    assert "<dt>Harvard</dt>" in section
    assert "Pantucci, R., &amp; von der Leyen, U. (2024, March 5)." in section
    for fmt in ["bib", "ris", "json"]:
        assert f'href="{column.get_absolute_url()}cite.{fmt}"' in section


def test_drafts_have_no_citation(client, column, admin_client):
    column.status = column.Status.DRAFT
    column.save()
    assert client.get(column.get_absolute_url()).status_code == 404
    assert client.get(column.get_absolute_url() + "cite.bib").status_code == 404
    preview = admin_client.get(column.get_absolute_url()).text
    assert 'id="cite-heading"' not in preview


def test_structured_data_names_people_and_the_kind_of_piece(client, column):
    author = column.bylines.get(position=0).author
    author.profile_links = "https://rusi.org/people/pantucci\nhttps://mastodon.social/@raff"
    author.fediverse_handle = "@raff@mastodon.social"
    author.save()
    column.article_type = column.ArticleType.ANALYSIS
    column.save()
    html = client.get(column.get_absolute_url()).text
    data = json_ld(html)
    assert data["@type"] == "AnalysisNewsArticle"
    first, second = data["author"]
    assert first["@type"] == "Person" and first["name"] == "Raffaello Pantucci"
    assert first["url"] == "http://testserver/author/raffaello/"
    assert first["sameAs"] == ["https://rusi.org/people/pantucci", "https://mastodon.social/@raff"]
    assert second["url"] == "http://testserver/author/ursula/" and "sameAs" not in second
    assert data["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": "The Diplomat",
        "url": "https://thediplomat.com/",
    }
    assert meta(html, "fediverse:creator") == ["@raff@mastodon.social"]
    assert meta(html, "prism.genre") == ["analysis"]


def test_author_pages_are_profile_pages(client, column):
    author = column.bylines.get(position=0).author
    author.bio = "Senior fellow."
    author.profile_links = "https://rusi.org/people/pantucci"
    author.save()
    html = client.get(author.get_absolute_url()).text
    data = json_ld(html)
    assert data["@type"] == "ProfilePage"
    assert data["mainEntity"]["@type"] == "Person"
    assert data["mainEntity"]["sameAs"] == ["https://rusi.org/people/pantucci"]
    assert data["mainEntity"]["description"] == "Senior fellow."


def test_microformats_h_entry_and_h_card(client, column):
    url = "http://testserver" + column.get_absolute_url()
    parsed = mf2py.parse(doc=client.get(column.get_absolute_url()).text, url=url)
    [entry] = [item for item in parsed["items"] if "h-entry" in item["type"]]
    props = entry["properties"]
    assert props["name"] == ["Why the SCO matters"]
    assert props["summary"] == ["A club that grew."]
    assert props["url"] == [url]
    assert props["syndication"] == ["https://thediplomat.com/2024/03/sco/"]
    assert props["published"][0].startswith("2024-03-05")
    assert [a["properties"]["name"][0] for a in props["author"]] == [
        "Raffaello Pantucci",
        "Ursula von der Leyen",
    ]
    author = column.bylines.get(position=0).author
    author_url = "http://testserver" + author.get_absolute_url()
    parsed = mf2py.parse(doc=client.get(author.get_absolute_url()).text, url=author_url)
    card = parsed["items"][0]  # the page's own card comes first, the bylines' after
    assert card["type"] == ["h-card"]
    assert card["properties"]["name"] == ["Raffaello Pantucci"]
    assert author_url in card["properties"]["url"]


@pytest.mark.parametrize("handle", ["", "@raff@mastodon.social"])
def test_fediverse_creator_only_with_a_handle(client, db, handle):
    owner = AuthorFactory(is_owner=True, fediverse_handle=handle)
    column = ColumnFactory(bylines=[owner])
    html = client.get(column.get_absolute_url()).text
    assert meta(html, "fediverse:creator") == ([handle] if handle else [])


def test_the_metadata_and_cite_section_give_the_outlets_own_day(client, db):
    """07:05 on 3 March in Hong Kong is still 2 March in UTC; the page says 3 March."""
    stamp = datetime.datetime(2020, 3, 3, 7, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Hong_Kong"))
    column = ColumnFactory(
        title="Morning in Hong Kong",
        outlet=OutletFactory(name="SCMP", timezone="Asia/Hong_Kong"),
        outlet_published_at=stamp,
        bylines=[AuthorFactory(name="Jane Roe")],
    )
    html = client.get(column.get_absolute_url()).text
    assert ">3 March 2020</time>" in html
    assert meta(html, "citation_publication_date") == ["2020/03/03"]
    assert meta(html, "prism.publicationDate") == ["2020-03-03"]
    assert meta(html, "DC.date") == ["2020-03-03"]
    section = html[html.index('id="cite-heading"') :]
    assert "Roe, J. (2020, March 3)." in section
    assert "March 2" not in section
