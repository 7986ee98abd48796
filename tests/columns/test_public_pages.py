import datetime
import json
import re

import pytest
from django.urls import reverse

from tests.factories import ColumnFactory
from tests.public_site import public_urls, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(public_urls()))
def test_every_page_has_seo_and_sharing_tags(client, public_site, name):
    html = text(client.get(public_urls()[name]))
    assert re.search(r"<title>[^<]+</title>", html)
    assert '<meta name="description" content="' in html
    assert '<link rel="canonical" href="http://testserver/' in html
    for tag in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
        assert f'<meta property="{tag}"' in html
    assert '<meta name="twitter:card"' in html
    assert html.count("<h1") == 1
    # No inline script or style: the site runs under a strict Content-Security-Policy.
    assert "style=" not in html and "<style" not in html
    assert "<script>" not in html and "<script " not in html.replace(
        '<script type="application/ld+json">', ""
    )


def test_home_shows_cards_and_both_strips(client, public_site):
    html = text(client.get("/"))
    assert "Latest columns" in html
    # A card: headline, standfirst, outlet and date, co-authors (the owner's name is implied).
    assert '<a href="/2018/06/10/column-0/">Column 0 on the SCO</a>' in html
    assert '<p class="card-summary">Standfirst of column 0.</p>' in html
    assert (
        'South China Morning Post</a> · <time datetime="2018-06-10">10 June 2018</time>'
        ' · with <a href="/author/li-wei/">Li Wei</a></p>'
    ) in html
    assert 'href="/author/maya-okafor/"' not in html
    # The intro note, the article and the tags belong to the column's page.
    assert "Why I wrote column" not in html and "First paragraph of column" not in html
    assert 'href="/tag/sco/"' not in html
    assert "In the media" in html and "Spoke to Reuters about the SCO summit 0." in html
    assert "As published in" in html and 'href="/outlet/scmp/"' in html


def test_home_is_paginated(client):
    for n in range(12):
        ColumnFactory(title=f"Piece {n:02d}")
    first, second = text(client.get("/")), text(client.get("/", {"page": 2}))
    assert "Piece 11" in first and "Piece 01" not in first
    assert "Piece 01" in second and "Page 2 of 2" in second
    assert '<link rel="canonical" href="http://testserver/?page=2">' in second


def test_column_page_shows_every_part(client, public_site):
    column = public_site["columns"][0]
    column.print_headline = "The club that grew"
    column.save()
    html = text(client.get(column.get_absolute_url()))
    assert '<h1 class="p-name">Column 0 on the SCO</h1>' in html
    assert "Standfirst of column 0." in html
    assert (
        'Originally published in <a href="https://scmp.example/0">South China Morning Post' in html
    )
    assert "print edition as “The club that grew”" in html
    assert '<div class="intro" role="note">' in html
    assert "Maya Okafor is a fellow." in html and "Li Wei is a fellow" in html
    assert "Spoke to Reuters about the SCO summit 0." in html  # its mentions
    assert "Previous column" in html and "Column 1 on the SCO" in html
    assert "Related columns" in html


def test_column_page_previous_next_and_related(client, public_site):
    middle = public_site["columns"][2]
    html = text(client.get(middle.get_absolute_url()))
    nav = html[html.index('aria-label="Previous and next columns"') :]
    assert 'rel="prev" href="/2018/06/07/column-3/"' in nav
    assert 'rel="next" href="/2018/06/09/column-1/"' in nav
    related = html[html.index('id="related-heading"') :]
    # Five others share "SCO"; the ones sharing "China" too come first. Never itself.
    assert related.count("<li>") == 4
    assert "Column 2 on the SCO" not in related


def test_related_columns_are_at_most_five(client):
    columns = [ColumnFactory(tags=["SCO"]) for _ in range(8)]
    html = text(client.get(columns[0].get_absolute_url()))
    related = html[html.index('id="related-heading"') :]
    assert related.count("<li>") == 5


def test_related_columns_come_from_the_columns_around_it(client, monkeypatch):
    from columns.views import ColumnDetailView

    monkeypatch.setattr(ColumnDetailView, "related_window", 2)
    start = datetime.datetime(2018, 6, 1, 12, tzinfo=datetime.UTC)

    def column(title, days, tags):
        return ColumnFactory(
            title=title, posted_at=start + datetime.timedelta(days=days), tags=tags
        )

    column("Far before, sharing both", -30, ["SCO", "China"])
    column("Just before, sharing one", -2, ["SCO"])
    column("Right before, sharing nothing", -1, ["Trade"])
    this = column("This one", 0, ["SCO", "China"])
    column("Right after, sharing both", 1, ["SCO", "China"])
    column("Just after, sharing one", 2, ["China"])
    column("Far after, sharing both", 30, ["SCO", "China"])
    html = text(client.get(this.get_absolute_url()))
    related = html[html.index('id="related-heading"') :]
    titles = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', related)
    # Among the two columns on either side, most shared tags first, then the newest.
    assert titles == ["Right after, sharing both", "Just after, sharing one",
                      "Just before, sharing one"]  # fmt: skip


def test_related_columns_at_the_ends_of_the_archive(client, monkeypatch):
    from columns.views import ColumnDetailView

    monkeypatch.setattr(ColumnDetailView, "related_window", 2)
    columns = [ColumnFactory(title=f"Piece {n}", tags=["SCO"]) for n in range(4)]
    # The newest column has nothing after it: its window is the two before.
    html = text(client.get(columns[-1].get_absolute_url()))
    related = html[html.index('id="related-heading"') :]
    assert related.count("<li>") == 2 and "Piece 0" not in related


def test_column_json_ld(client, public_site):
    column = public_site["columns"][0]
    column.print_headline = "Print title"
    column.outlet_updated_at = column.outlet_published_at.replace(hour=15)
    column.save()
    html = text(client.get(column.get_absolute_url()))
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "OpinionNewsArticle"
    assert data["headline"] == "Column 0 on the SCO"
    assert data["alternativeHeadline"] == "Print title"
    assert data["datePublished"] == "2018-06-10T09:00:00+00:00"
    assert data["dateModified"] == "2018-06-10T15:00:00+00:00"
    assert [a["name"] for a in data["author"]] == ["Maya Okafor", "Li Wei"]
    assert data["publisher"]["name"] == "South China Morning Post"
    assert data["isBasedOn"] == data["url"] == "https://scmp.example/0"
    assert sorted(data["keywords"]) == ["China", "SCO"] or sorted(data["keywords"]) == [
        "SCO",
        "Topic 0",
    ]


def test_json_ld_cannot_close_its_script_element(client):
    column = ColumnFactory(title="</script><script>alert(1)</script>")
    html = text(client.get(column.get_absolute_url()))
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_canonical_points_to_the_original_when_asked(client, public_site):
    column = public_site["columns"][0]
    page = column.get_absolute_url()
    assert f'<link rel="canonical" href="http://testserver{page}">' in text(client.get(page))
    column.canonical_is_original = True
    column.save()
    assert '<link rel="canonical" href="https://scmp.example/0">' in text(client.get(page))


def test_author_page(client, public_site):
    html = text(client.get("/author/li-wei/"))
    assert "Columns with Li Wei" in html and "5 columns" in html
    assert "Columns by Maya Okafor" in text(client.get("/author/maya-okafor/"))


def test_date_archives(client, public_site):
    year = text(client.get("/2018/"))
    assert "Columns from 2018" in year and "5 columns" in year
    assert 'href="/2018/06/">June</a>' in year
    month = text(client.get("/2018/06/"))
    assert "Columns from June 2018" in month
    day = text(client.get("/2018/06/10/"))
    assert "Columns from 10 June 2018" in day and "1 column ·" in day
    assert "Column 0 on the SCO" in day and "Column 1 on the SCO" not in day
    empty = text(client.get("/2017/"))
    assert "No columns from this date." in empty and "0 columns" not in empty


def test_date_archives_link_only_to_periods_with_columns(client, public_site):
    ColumnFactory(posted_at=at_2016())
    june = text(client.get("/2018/06/"))
    # The nearest earlier month with columns, not the empty May 2018; nothing later exists.
    assert 'href="/2016/03/">← March 2016</a>' in june and "→" not in june
    march = text(client.get("/2016/03/"))
    assert 'href="/2018/06/">June 2018 →</a>' in march and "←" not in march
    empty = text(client.get("/2017/"))
    assert 'href="/2016/">← 2016</a>' in empty and 'href="/2018/">2018 →</a>' in empty
    day = text(client.get("/2018/06/08/"))
    assert 'href="/2018/06/07/">← 7 June 2018</a>' in day
    assert 'href="/2018/06/09/">9 June 2018 →</a>' in day


def test_archive_index_counts_years_and_months(client, public_site):
    ColumnFactory(posted_at=at_2016())
    html = text(client.get("/archive/"))
    assert "6 columns" in html
    assert re.search(r'href="/2018/">2018</a> <span class="meta">5 columns', html)
    assert 'href="/2018/06/">June</a> <span class="meta">(5)' in html
    assert 'href="/2016/03/">March</a> <span class="meta">(1)' in html
    assert html.index("2018") < html.index("2016")


def at_2016():
    import datetime

    return datetime.datetime(2016, 3, 1, 12, tzinfo=datetime.UTC)


@pytest.mark.parametrize("name", ["home", "tag", "outlet", "author", "year", "month", "day"])
@pytest.mark.parametrize("page", ["abc", "999999", "-1", "0", "1.5", ""])
def test_bad_page_numbers_give_a_page(client, public_site, name, page):
    response = client.get(public_urls()[name], {"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/2015/13/", "/2015/00/", "/2015/02/30/", "/2015/1/", "/15/", "/2015/02/30/x/",
        "/2018/06/10/unknown/", "/tag/unknown/", "/outlet/unknown/", "/author/unknown/",
        "/2018/06/11/column-0/", "/nothing/here/",
    ],
)  # fmt: skip
def test_bad_addresses_give_the_styled_404(client, public_site, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'href="/archive/"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_empty_site_pages_are_fine(client):
    for name in ("home", "tags", "outlets", "archive", "mentions", "year", "month", "day"):
        response = client.get(public_urls()[name])
        assert response.status_code == 200, name
    assert "No columns here yet." in text(client.get("/"))
    assert "No media appearances yet." in text(client.get("/in-the-media/"))


def test_500_page_is_styled_and_needs_no_database(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and "css/site.css" in html


@pytest.mark.parametrize("name", list(public_urls()))
def test_conditional_get_answers_304(client, public_site, name):
    url = public_urls()[name]
    first = client.get(url)
    assert first.has_header("ETag")
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_column_sends_last_modified(client, public_site):
    response = client.get(public_site["columns"][0].get_absolute_url())
    assert response.has_header("Last-Modified")
    again = client.get(
        public_site["columns"][0].get_absolute_url(),
        headers={"if-modified-since": response["Last-Modified"]},
    )
    assert again.status_code == 304


def test_print_stylesheet_is_linked(client, public_site):
    assert 'href="/static/css/print.css" media="print"' in text(client.get("/"))


def test_reverse_names_keep_working():
    assert reverse("tags:detail", args=["sco"]) == "/tag/sco/"
    assert reverse("columns:month", args=[2018, 6]) == "/2018/06/"
    assert reverse("columns:day", args=[2018, 6, 1]) == "/2018/06/01/"
    assert reverse("outlets:list") == "/outlets/"


def test_static_files_get_hashed_compressed_names(client, settings, tmp_path):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    html = text(client.get("/"))
    site_css = re.search(r'href="/static/(css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    assert (settings.STATIC_ROOT / f"{site_css}.gz").exists()
    assert re.search(r'href="/static/css/print\.[0-9a-f]{12}\.css" media="print"', html)


def test_staff_preview_is_not_indexed(editor_client):
    from columns.models import Column

    column = ColumnFactory(status=Column.Status.DRAFT)
    html = text(editor_client.get(column.get_absolute_url()))
    assert '<meta name="robots" content="noindex">' in html


def test_previous_and_next_among_columns_of_the_same_moment(client, django_assert_num_queries):
    moment = datetime.datetime(2018, 6, 8, 12, tzinfo=datetime.UTC)
    first, second, third = (
        ColumnFactory(title=f"Same moment {n}", posted_at=moment, tags=["SCO"]) for n in (1, 2, 3)
    )
    ColumnFactory(title="A day later", posted_at=moment + datetime.timedelta(days=1))
    # The column (with whether it has mentions: it has none), its tags, its bylines, the
    # neighbours and related columns, the site owner (the header).
    with django_assert_num_queries(5):
        html = text(client.get(second.get_absolute_url()))
    nav = html[html.index('aria-label="Previous and next columns"') :]
    assert f'rel="prev" href="{first.get_absolute_url()}"' in nav
    assert f'rel="next" href="{third.get_absolute_url()}"' in nav
    nav = text(client.get(third.get_absolute_url()))
    assert 'rel="next" href="/2018/06/09/' in nav[nav.index('aria-label="Previous and next') :]


def test_authors_photos_cost_no_query_per_author(
    client, editor_client, settings, tmp_path, django_assert_num_queries
):
    """A column page's structured data names each author's portrait: read with the byline."""
    from images.models import Image
    from tests.factories import AuthorFactory
    from tests.images.test_images import add_image, image_bytes

    settings.MEDIA_ROOT = tmp_path
    for _ in range(2):
        assert add_image(editor_client, image_bytes(300, 300)).status_code == 302
    first, second = Image.objects.all()
    column = ColumnFactory(
        bylines=[AuthorFactory(photo=first), AuthorFactory(photo=second)], tags=["SCO"]
    )
    # As the page of a column without photos (test above): the column, its tags, its
    # bylines with their authors and portraits, the neighbours and related, the site owner.
    with django_assert_num_queries(5):
        html = text(client.get(column.get_absolute_url()))
    assert html.count('"image": "http://testserver/media/images/') == 2
