"""What the site remembers per process while rendering (core/templatetags): the site's header
and footer, `{% url %}` and `date`. Each must show what rendering afresh would, at once."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from tests.factories import AuthorFactory, ColumnFactory
from tests.public_site import text

pytestmark = pytest.mark.django_db


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def header(html):
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def test_the_owner_renamed_or_gone_shows_in_the_header_and_footer_at_once(client):
    ColumnFactory()
    owner = AuthorFactory(name="Jane Roe", is_owner=True, bio="She writes on ports.")
    html = text(client.get("/"))
    assert "Jane Roe" in header(html) and "About Jane Roe" in footer(html)
    owner.name = "Jane Doe"
    owner.save()
    html = text(client.get("/"))
    assert "Jane Doe" in header(html) and "About Jane Doe" in footer(html)
    assert "Jane Roe" not in html
    owner.is_owner = False
    owner.save()
    html = text(client.get("/"))
    assert "About" not in header(html) and "About" not in footer(html)


def test_each_page_marks_its_own_link_in_the_header(client):
    ColumnFactory()
    home, archive = text(client.get("/")), text(client.get("/archive/"))
    assert 'href="/" aria-current="page"' in header(home)
    assert 'href="/archive/"' in header(home) and 'href="/archive/" aria-current' not in home
    assert 'href="/archive/" aria-current="page"' in header(archive)
    assert 'href="/" aria-current' not in header(archive)
    # The search page has its own search box, not the header's.
    assert 'id="site-search"' in home and 'id="site-search"' not in text(client.get("/search/"))


def render(source, **context):
    request = RequestFactory().get("/")
    return Template(source).render(Context({"request": request, **context}))


def test_url_is_reversed_under_the_script_prefix_of_the_time():
    source = "{% url 'tags:detail' slug %}"
    assert render(source, slug="sco") == "/tag/sco/"
    set_script_prefix("/site/")
    try:
        assert render(source, slug="sco") == "/site/tag/sco/"
        assert render(source, slug="china") == reverse("tags:detail", args=["china"])
        assert reverse("tags:detail", args=["china"]) == "/site/tag/china/"
    finally:
        clear_script_prefix()
    assert render(source, slug="sco") == "/tag/sco/"


def test_url_with_as_and_a_name_that_is_not_one():
    assert render("{% url 'no-such-page' as address %}[{{ address }}]") == "[]"
    assert render("{% url 'tags:detail' slug as a %}{{ a }}", slug="sco") == "/tag/sco/"


def test_date_of_a_day_in_the_language_of_the_time(settings):
    day = datetime.date(2024, 3, 5)
    assert render('{{ day|date:"j F Y" }}', day=day) == "5 March 2024"
    with translation.override("fr"):
        assert render('{{ day|date:"j F Y" }}', day=day) == "5 mars 2024"
    assert render('{{ day|date:"j F Y" }}', day=day) == "5 March 2024"
    # A named format follows the language's formats; a time, the current time zone.
    assert render("{{ day|date }}", day=day) == "5 Mar 2024"
    with translation.override("fr"):
        assert render("{{ day|date }}", day=day) == "5 mars 2024"
    moment = datetime.datetime(2024, 3, 5, 23, 30, tzinfo=datetime.UTC)
    settings.TIME_ZONE = "Asia/Tokyo"
    assert render('{{ moment|date:"j F Y" }}', moment=moment) == "6 March 2024"
