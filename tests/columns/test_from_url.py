import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from columns.admin.page_metadata import extract_metadata
from columns.models import Author, Column
from core.fetch import FetchError, fetch_html
from tests.columns.test_admin import column_form_data
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db

FROM_URL = reverse("admin:columns_column_from_url")

ARTICLE = """<!DOCTYPE html><html><head>
<title>Ignored title | Example Times</title>
<meta property="og:title" content="Why the SCO matters now">
<meta property="og:description" content="A club of autocracies grows up.">
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2021-06-15T07:05:00+08:00">
<meta property="article:modified_time" content="2021-06-16T10:00:00+08:00">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Example Times"},
  {"@type": "NewsArticle", "headline": "Why the SCO matters now",
   "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}]}
]}
</script>
</head><body><p>Article.</p></body></html>"""

META_ONLY = """<html><head><title>  A plain   page </title>
<meta name="description" content="Standfirst from meta.">
<meta name="author" content="Jane Roe and Ann Smith">
<meta name="date" content="2020-01-02 09:30">
</head><body></body></html>"""


@pytest.fixture
def site(outlet_site, settings):
    """A local web server (tests/outlet_server.py); loopback fetching is allowed only while it
    runs."""
    settings.FETCH_TIMEOUT = 2
    return outlet_site


class TestMetadata:
    def test_opengraph_and_json_ld(self):
        page = extract_metadata(ARTICLE)
        assert page.title == "Why the SCO matters now"
        assert page.dek == "A club of autocracies grows up."
        assert page.site_name == "The Example Times"
        assert page.authors == ["Jane Roe", "John Doe"]
        assert page.published_at == datetime.datetime(2021, 6, 14, 23, 5, tzinfo=datetime.UTC)
        assert page.updated_at.isoformat() == "2021-06-16T10:00:00+08:00"

    def test_plain_meta_tags_and_a_stamp_without_offset(self):
        import zoneinfo

        page = extract_metadata(META_ONLY, zoneinfo.ZoneInfo("Asia/Hong_Kong"))
        assert (page.title, page.dek) == ("A plain page", "Standfirst from meta.")
        assert page.authors == ["Jane Roe", "Ann Smith"]
        assert page.published_at.isoformat() == "2020-01-02T09:30:00+08:00"

    def test_broken_pages_give_what_they_can(self):
        page = extract_metadata('<html><script type="application/ld+json">{broken</script><title>T')
        assert page.authors == [] and page.published_at is None


class TestFetchRefuses:
    @pytest.mark.parametrize(
        "url",
        [
            "http://127.0.0.1:9/",
            "http://localhost/",
            "http://10.0.0.5/admin/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://0.0.0.0/",
        ],
    )
    def test_private_and_loopback_addresses(self, url):
        with pytest.raises(FetchError, match="private or local network"):
            fetch_html(url)

    def test_loopback_only_when_allowed(self, site, settings):
        url = site("/a", ARTICLE)
        assert fetch_html(url)[1] == ARTICLE
        settings.ALLOW_LOOPBACK_FETCH = False
        with pytest.raises(FetchError, match="private or local network"):
            fetch_html(url)

    def test_a_redirect_to_a_private_address(self, site):
        url = site("/r", "", status=302, Location="http://10.1.2.3/secret")
        with pytest.raises(FetchError, match="private or local network"):
            fetch_html(url)

    def test_redirects_are_followed(self, site):
        site("/final", ARTICLE)
        url = site("/moved", "", status=301, Location="/final")
        assert fetch_html(url) == (site.base + "/final", ARTICLE)

    def test_non_html(self, site):
        with pytest.raises(FetchError, match="not a web page"):
            fetch_html(site("/file.pdf", b"%PDF-1.4", content_type="application/pdf"))

    def test_too_large(self, site, settings):
        settings.FETCH_MAX_BYTES = 1000
        with pytest.raises(FetchError, match="too large"):
            fetch_html(site("/big", "<p>" + "x" * 5000))

    def test_timeout(self, site, settings):
        settings.FETCH_TIMEOUT = 0.3
        with pytest.raises(FetchError, match="too long"):
            fetch_html(site("/slow", ARTICLE, delay=1))

    def test_errors_and_bad_addresses(self, site):
        with pytest.raises(FetchError, match="error \\(404\\)"):
            fetch_html(site.base + "/nothing-here")
        for url in ["ftp://example.org/", "http://user:pw@example.org/", "https:///x"]:
            with pytest.raises(FetchError):
                fetch_html(url)
        with pytest.raises(FetchError, match="could not be found"):
            fetch_html("http://no-such-host.invalid/")


class TestAddColumnFromUrl:
    def test_the_whole_flow(self, editor_client, site):
        outlet = OutletFactory(name="The Example Times", homepage=site.base + "/")
        jane = AuthorFactory(name="Jane Roe")
        url = site("/2021/sco", ARTICLE)
        listing = editor_client.get(reverse("admin:columns_column_changelist"))
        assert FROM_URL in listing.content.decode()

        confirm = editor_client.post(FROM_URL, {"url": url})
        content = confirm.content.decode()
        assert "Why the SCO matters now" in content and "The Example Times" in content
        assert "Jane Roe (known author)" in content
        assert 'value="John Doe" checked' in content
        assert not Column.objects.exists()

        response = editor_client.post(FROM_URL, {"confirm": "1", "create_author": ["John Doe"]})
        assert response.url == reverse("admin:columns_column_add") + "?from_url=1"
        assert not Author.objects.filter(name="John Doe").exists()  # nothing written yet
        form = editor_client.get(response.url)
        initial = form.context["adminform"].form.initial
        assert initial["title"] == "Why the SCO matters now"
        assert initial["slug"] == "why-the-sco-matters-now"
        assert initial["dek"] == "A club of autocracies grows up."
        assert (initial["outlet"], initial["original_url"]) == (outlet.pk, url)
        assert initial["outlet_published_at"] == datetime.datetime(
            2021, 6, 14, 23, 5, tzinfo=datetime.UTC
        )
        assert initial["status"] == "draft"
        assert initial["new_authors"] == "John Doe"
        assert "New authors" in form.content.decode()
        bylines = form.context["inline_admin_formsets"][0].formset
        assert [f.initial["author"] for f in bylines.forms] == [jane.pk]
        assert not Column.objects.exists()  # nothing is saved before the editor saves
        assert list(Author.objects.all()) == [jane] and not LogEntry.objects.exists()

        saved = editor_client.post(
            reverse("admin:columns_column_add"),
            column_form_data(jane, outlet, title="Why the SCO matters now", new_authors="John Doe"),
        )
        assert saved.status_code == 302, saved.context["adminform"].form.errors
        column = Column.objects.get()
        john = Author.objects.get(name="John Doe")
        assert [b.author for b in column.ordered_bylines] == [jane, john]
        assert LogEntry.objects.get(object_id=str(john.pk)).get_change_message() == (
            "Added with the column “Why the SCO matters now”."
        )

    def test_outlet_found_by_the_pages_site_name(self, editor_client, site):
        outlet = OutletFactory(name="The Example Times")
        editor_client.post(FROM_URL, {"url": site("/a", ARTICLE)})
        editor_client.post(FROM_URL, {"confirm": "1"})
        form = editor_client.get(reverse("admin:columns_column_add") + "?from_url=1")
        assert form.context["adminform"].form.initial["outlet"] == outlet.pk
        assert not Author.objects.exists()  # unticked authors are not created

    def test_says_plainly_when_the_page_cannot_be_read(self, editor_client, settings):
        response = editor_client.post(FROM_URL, {"url": "http://127.0.0.1:9/x"})
        content = response.content.decode()
        assert "The page could not be read" in content and "private or local network" in content
        assert "add the column by hand" in content

    def test_warns_about_a_column_with_the_same_address(self, editor_client, site):
        url = site("/a", ARTICLE)
        ColumnFactory(title="Already here", original_url=url)
        content = editor_client.post(FROM_URL, {"url": url}).content.decode()
        assert "A column with this address exists already" in content

    def test_press_assistants_are_refused(self, press_client, site):
        url = site("/a", ARTICLE)
        assert press_client.get(FROM_URL).status_code == 403
        assert press_client.post(FROM_URL, {"url": url}).status_code == 403
        assert press_client.post(FROM_URL, {"confirm": "1"}).status_code == 403


class TestOutletMatching:
    """The outlet of an article: the site's outlets by domain and name, then the catalogue;
    never a guess between two (issue 12; issue 14, item 3)."""

    def page(self, site_name):
        return ARTICLE.replace("The Example Times", site_name)

    def test_a_catalogue_outlet_is_added_with_its_data_when_the_column_is_saved(
        self, editor_client, site
    ):
        from outlets.models import Outlet
        from tests.columns.test_admin import column_form_data

        url = site("/a", self.page("Agence France-Presse"))
        confirm = editor_client.post(FROM_URL, {"url": url}).content.decode()
        assert 'name="create_outlet"' in confirm
        assert "Agence France-Presse: add it from the catalogue of known outlets" in confirm
        response = editor_client.post(FROM_URL, {"confirm": "1", "create_outlet": "1"})
        assert not Outlet.objects.exists()  # nothing is written before the column is saved
        form = editor_client.get(response.url)
        assert "Agence France-Presse is added to the outlets" in form.content.decode()
        data = column_form_data(AuthorFactory(), OutletFactory.build(), new_tags="")
        data["outlet"] = ""  # the editor leaves it to the catalogue
        saved = editor_client.post(response.url, data)
        assert saved.status_code == 302
        afp = Outlet.objects.get()
        assert (afp.name, afp.kind, afp.country) == ("Agence France-Presse", "news_agency", "FR")
        assert Outlet.objects.match("AFP") == afp
        assert Column.objects.get().outlet == afp

    def test_a_picked_outlet_wins_over_the_catalogue(self, editor_client, site):
        from outlets.models import Outlet
        from tests.columns.test_admin import column_form_data

        editor_client.post(FROM_URL, {"url": site("/a", self.page("Agence France-Presse"))})
        response = editor_client.post(FROM_URL, {"confirm": "1", "create_outlet": "1"})
        picked = OutletFactory(name="Example Wire")
        editor_client.post(response.url, column_form_data(AuthorFactory(), picked, new_tags=""))
        assert Column.objects.get().outlet == picked
        assert list(Outlet.objects.all()) == [picked]

    def test_the_sites_own_outlet_comes_before_the_catalogue(self, editor_client, site):
        mine = OutletFactory(name="AFP", kind="website")  # the editor's choice stands
        editor_client.post(FROM_URL, {"url": site("/a", self.page("Agence France Presse"))})
        editor_client.post(FROM_URL, {"confirm": "1", "create_outlet": "1"})
        form = editor_client.get(reverse("admin:columns_column_add") + "?from_url=1")
        assert form.context["adminform"].form.initial["outlet"] == mine.pk
        mine.refresh_from_db()
        assert mine.kind == "website"

    def test_a_domain_and_a_name_that_disagree_attach_nothing_and_say_so(self, editor_client, site):
        OutletFactory(name="The Example Times", homepage=site.base + "/")
        OutletFactory(name="Reuters")
        confirm = editor_client.post(FROM_URL, {"url": site("/a", self.page("Reuters"))})
        content = confirm.content.decode()
        assert "names itself “Reuters”" in content and "pick the outlet yourself" in content
        editor_client.post(FROM_URL, {"confirm": "1"})
        form = editor_client.get(reverse("admin:columns_column_add") + "?from_url=1")
        assert form.context["adminform"].form.initial["outlet"] is None

    def test_a_catalogue_entry_whose_spellings_are_two_outlets_is_ambiguous(
        self, editor_client, site
    ):
        OutletFactory(name="AFP")
        OutletFactory(name="French wire", homepage="https://www.afp.com/")
        content = editor_client.post(
            FROM_URL, {"url": site("/a", self.page("Agence France-Presse"))}
        ).content.decode()
        assert "“Agence France-Presse” could be AFP and French wire" in content
        assert 'name="create_outlet"' not in content

    def test_an_article_on_a_catalogue_site_finds_that_outlet(self):
        from columns.admin.from_url import outlet_for

        outlet, entry, problem = outlet_for("https://www.ft.com/content/abc", "")
        assert (outlet, entry.name, problem) == (None, "Financial Times", "")
        mine = OutletFactory(name="FT")  # the site's outlet, by one of the entry's spellings
        assert outlet_for("https://markets.ft.com/data", "") == (mine, None, "")
