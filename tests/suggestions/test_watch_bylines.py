"""watch_bylines against a local server that plays an outlet: feeds, sitemaps, author pages."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from columns.models import Column
from suggestions.models import BylineSource, Suggestion
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db


def article(title, authors=("Jane Roe",), published="2025-04-02T09:00:00+00:00", extra=""):
    names = "".join(f'<meta name="author" content="{name}">' for name in authors)
    return (
        f'<html><head><meta property="og:title" content="{title}">{names}'
        f'<meta property="article:published_time" content="{published}">'
        f'<meta name="description" content="What {title} means.">{extra}</head>'
        f"<body><h1>{title}</h1></body></html>"
    )


def rss(*links):
    items = "".join(f"<item><title>x</title><link>{link}</link></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'


def run():
    out = io.StringIO()
    call_command("watch_bylines", "--host-delay", "0", stdout=out)
    return out.getvalue()


@pytest.fixture
def outlet():
    AuthorFactory(name="Jane Roe", is_owner=True)
    return OutletFactory(name="The Diplomat")


def test_a_feed_with_new_and_known_pieces(outlet_site, outlet):
    known = outlet_site("/2025/04/known-piece-about-the-sco", article("Known piece"))
    new = outlet_site("/2025/04/new-piece-about-central-asia", article("New piece"))
    ColumnFactory(title="Known piece", original_url=known + "/")  # a trailing slash is the same
    feed = outlet_site("/author/jane/feed", rss(known, new), content_type="application/rss+xml")
    BylineSource.objects.create(outlet=outlet, url=feed, kind="feed")
    output = run()
    assert "1 new suggestions, 1 already known" in output
    suggestion = Suggestion.objects.get()
    assert (suggestion.title, suggestion.url, suggestion.outlet) == ("New piece", new, outlet)
    assert suggestion.dek == "What New piece means."
    assert suggestion.published_at == datetime.datetime(2025, 4, 2, 9, tzinfo=datetime.UTC)
    assert suggestion.byline == ["Jane Roe"] and suggestion.byline_known
    assert not Column.objects.filter(title="New piece").exists()  # nothing public, no draft
    assert "0 new suggestions" in run()  # the second run finds nothing new


def test_a_sitemap_and_an_author_page(outlet_site, outlet):
    one = outlet_site("/2025/05/01/first-piece-on-the-region", article("First piece"))
    two = outlet_site("/opinion/second-piece-on-the-region-and-more", article("Second piece"))
    sitemap = outlet_site(
        "/sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{one}</loc><lastmod>2025-05-01</lastmod></url></urlset>",
        content_type="application/xml",
    )
    page = outlet_site(
        "/authors/jane-roe",
        '<a href="/opinion/second-piece-on-the-region-and-more">Second</a>'
        '<a href="/world/">World</a><a href="/authors/jane-roe">Me</a>',
    )
    BylineSource.objects.create(outlet=outlet, url=sitemap, kind="sitemap")
    BylineSource.objects.create(outlet=outlet, url=page, kind="page")
    run()
    assert sorted(Suggestion.objects.values_list("url", flat=True)) == sorted([one, two])
    assert "/world/" not in [p for p, _ in outlet_site.requests]


def test_a_piece_already_here_by_title_and_date(outlet_site, outlet):
    ColumnFactory(
        title="Same headline",
        outlet_published_at=datetime.datetime(2025, 4, 2, 12, tzinfo=datetime.UTC),
        original_url="https://elsewhere.example/old-address",
    )
    url = outlet_site("/2025/04/same-headline-new-address-here", article("Same headline"))
    feed = outlet_site("/feed", rss(url), content_type="application/rss+xml")
    BylineSource.objects.create(outlet=outlet, url=feed, kind="feed")
    assert "0 new suggestions" in run()


def test_a_byline_naming_nobody_known_is_shown_as_such(outlet_site, outlet):
    url = outlet_site("/2025/04/someone-elses-piece-on-china", article("Not mine", ["Zed Null"]))
    feed = outlet_site("/feed", rss(url), content_type="application/rss+xml")
    BylineSource.objects.create(outlet=outlet, url=feed, kind="feed")
    assert "(byline names nobody you know)" in run()
    assert not Suggestion.objects.get().byline_known


def test_conditional_polling_and_robots(outlet_site, outlet):
    feed = outlet_site("/feed", rss(), content_type="application/rss+xml", ETag='"f1"')
    BylineSource.objects.create(outlet=outlet, url=feed, kind="feed")
    run()
    outlet_site("/feed", "", status=304)
    assert "(1 unchanged)" in run()
    assert [h for p, h in outlet_site.requests if p == "/feed"][-1]["If-None-Match"] == '"f1"'
    outlet_site("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    assert "robots.txt" in run()


@pytest.mark.parametrize(
    "body",
    [
        "not xml at all <<<",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<rss><channel><item><link>&b;</link></item></channel></rss>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><link>&e;</link></item></channel></rss>",
    ],
)
def test_malformed_and_hostile_feeds_give_nothing(outlet_site, outlet, body):
    feed = outlet_site("/feed", body, content_type="application/rss+xml")
    BylineSource.objects.create(outlet=outlet, url=feed, kind="feed")
    assert "0 new suggestions" in run()
    assert not Suggestion.objects.exists()


def test_nothing_is_fetched_from_a_private_address(db, settings, outlet):
    settings.ALLOW_LOOPBACK_FETCH = False
    BylineSource.objects.create(outlet=outlet, url="http://10.0.0.7/feed", kind="feed")
    BylineSource.objects.create(outlet=outlet, url="http://127.0.0.1:9/feed", kind="feed")
    output = run()
    assert output.count("private or local network") == 2


def test_one_click_makes_a_draft_or_dismisses_for_good(outlet_site, outlet, editor_client):
    coauthor = AuthorFactory(name="Li Wei")
    url = outlet_site(
        "/2025/04/a-piece-written-with-li-wei", article("Joint piece", ["Jane Roe", "Li Wei"])
    )
    other = outlet_site("/2025/04/a-piece-to-leave-aside-here", article("Other piece"))
    feed = outlet_site("/feed", rss(url, other), content_type="application/rss+xml")
    BylineSource.objects.create(outlet=outlet, url=feed, kind="feed")
    run()
    joint, leave = (
        Suggestion.objects.get(title="Joint piece"),
        Suggestion.objects.get(title="Other piece"),
    )
    changelist = editor_client.get(reverse("admin:suggestions_suggestion_changelist"))
    assert "Make a draft" in changelist.text

    response = editor_client.post(reverse("admin:suggestions_suggestion_draft", args=[joint.pk]))
    column = Column.objects.get(title="Joint piece")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:columns_column_change", args=[column.pk])
    assert column.status == Column.Status.DRAFT and not column.is_public
    assert column.original_url == url and column.outlet == outlet
    assert [b.author for b in column.ordered_bylines][1] == coauthor

    editor_client.post(reverse("admin:suggestions_suggestion_dismiss", args=[leave.pk]))
    leave.refresh_from_db()
    assert leave.state == Suggestion.State.DISMISSED
    assert "0 new suggestions" in run()  # dismissed for good: never suggested again


def test_press_assistants_cannot_decide(press_client, outlet):
    suggestion = Suggestion.objects.create(outlet=outlet, url="https://x.example/a", title="A")
    url = reverse("admin:suggestions_suggestion_draft", args=[suggestion.pk])
    assert press_client.post(url).status_code == 403
    assert not Column.objects.exists()
