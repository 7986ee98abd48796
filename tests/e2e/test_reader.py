"""
The reader's day, in a real browser against a live server, on the demo site: finding search
from any page, reading the results on a phone, meeting the owner on the About page, and lists
short enough to scroll (page heights measured at 390 px).
"""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from columns.models import Column

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# The longest line, in characters, of the text inside each element matched by a selector:
# words are grouped by the line box they sit on.
LONGEST_LINE = """(elements) => {
  let longest = 0;
  for (const element of elements) {
    const lines = new Map();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const box = range.getClientRects()[0];
        if (!box) continue;
        const top = Math.round(box.top);
        lines.set(top, (lines.get(top) || -1) + word[0].length + 1);
      }
    }
    for (const length of lines.values()) longest = Math.max(longest, length);
  }
  return longest;
}"""


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def test_a_reader_finds_search_in_the_header_and_reads_results_first_on_a_phone(
    live_server, browser, demo
):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/outlets/")
    box = page.get_by_role("search", name="Search this site")
    box.get_by_role("searchbox", name="Search columns and media appearances").fill("SCO")
    box.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=SCO$"))
    expect(page.locator(".result-count")).to_contain_text("results for “SCO”")
    # The first result is on the first screen; the filters are folded above it.
    first = page.locator(".search-result").first
    assert first.bounding_box()["y"] + 60 < PHONE["height"]
    facets = page.locator(".facets")
    expect(facets).to_be_hidden()
    page.get_by_text("Refine by type, outlet, topic or year").click()
    expect(facets).to_be_visible()
    facets.get_by_role("link", name="Columns").click()
    expect(page).to_have_url(re.compile(r"kind=column"))
    expect(page.locator("details.refine")).to_have_attribute("open", "")
    # Snippets read comfortably (under 80 characters a line) and the hint is whole.
    assert page.evaluate(LONGEST_LINE, page.locator(".snippet").element_handles()) < 80
    hint = page.locator("#search-hint")
    expect(hint).to_contain_text("to leave out what contains it")
    assert hint.evaluate("(e) => e.scrollWidth <= e.clientWidth")


def test_search_results_keep_short_lines_on_a_wide_screen(live_server, browser, demo):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{live_server.url}/search/?q=Central+Asia")
    expect(page.locator(".search-result").first).to_be_visible()
    assert page.evaluate(LONGEST_LINE, page.locator(".snippet").element_handles()) < 80


def test_a_lost_reader_searches_from_the_404_page(live_server, browser, demo):
    page = browser.new_page(viewport=PHONE)
    response = page.goto(f"{live_server.url}/2019/01/01/no-such-column/")
    assert response.status == 404
    form = page.get_by_role("search", name="Search for the page")
    form.get_by_role("searchbox").fill("Tianjin")
    form.get_by_role("button", name="Search").click()
    expect(page.locator(".search-result").first).to_contain_text("Tianjin")


def test_a_reader_meets_the_owner_on_the_about_page(live_server, browser, demo):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/")
    expect(page.locator(".site-name")).to_have_text("Maya Okafor")
    expect(page.locator(".who")).to_contain_text("Halden Institute")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="About").click()
    expect(page).to_have_url(f"{live_server.url}/about/")
    expect(page.locator("h1")).to_have_text("About Maya Okafor")
    portrait = page.locator("img.portrait")
    expect(portrait).to_be_visible()
    # Visible is not loaded: wait for the picture itself (it is fetched after the layout).
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=portrait.element_handle()
    )
    writes_for = page.locator(".about-outlets li")
    expect(writes_for.first).to_contain_text(re.compile(r"\d+ columns?"))
    expect(page.get_by_role("link", name="maya@maya-okafor.example")).to_be_visible()
    # The feeds are visible links that work, not only <link> tags in the head.
    follow = page.locator("ul.follow")
    atom = follow.get_by_role("link", name="Atom").first
    expect(atom).to_be_visible()
    feed = page.request.get(live_server.url + atom.get_attribute("href"))
    assert feed.ok and "application/atom+xml" in feed.headers["content-type"]
    # An outlet's link leads to its page, which lists her columns there.
    writes_for.first.get_by_role("link").click()
    expect(page.locator(".card").first).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ten_cards_fit_in_under_3500_px_on_a_phone(live_server, browser, demo, scheme):
    assert Column.objects.published().count() > 10
    page = browser.new_page(viewport=PHONE, color_scheme=scheme)
    page.goto(f"{live_server.url}/")
    expect(page.locator(".card")).to_have_count(10)
    assert height(page) < 3500
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
