"""Rules for the top of a post: title line, intro, standfirst, the outlet the intro names."""

import pytest

from tests.wordpress.rules.posts import BODY, TITLE, page
from wordpress.rules import (
    extract,
    is_standfirst,
    is_title_line,
    parse_intro_outlet,
)

# --- title line and intro --------------------------------------------------------------------


def test_title_line_ignores_case_spacing_punctuation_and_quote_style():
    assert is_title_line('CHINA\'S  "NEW" SILK ROAD!', TITLE)
    assert is_title_line("China&#8217;s &#8220;new&#8221; Silk Road", TITLE)


def test_title_line_must_be_the_whole_title():
    assert not is_title_line("China's new Silk Road, revisited", TITLE)
    assert not is_title_line("", "")


def test_paragraphs_before_the_title_line_are_the_intro_and_the_title_line_goes():
    html = page("My latest, on Beijing.", "A second note.", "China's new Silk Road", BODY)
    result = extract(TITLE, html)
    assert result.intro_html == "<p>My latest, on Beijing.</p>\n<p>A second note.</p>"
    assert result.body_html == f"<p>{BODY}</p>"
    assert "title_line" in result.fired


def test_title_line_can_be_a_heading():
    html = f"<p>Note.</p>\n<h2>China\u2019s \u201cnew\u201d Silk Road</h2>\n<p>{BODY}</p>"
    result = extract(TITLE, html)
    assert (result.intro_html, result.body_html) == ("<p>Note.</p>", f"<p>{BODY}</p>")


def test_without_a_title_line_there_is_no_intro_and_no_standfirst():
    html = page("My column in Foreign Policy.", "Short first line.", "Body.")
    result = extract(TITLE, html)
    assert (result.intro_html, result.dek) == ("", "")
    assert result.body_html == html


# --- standfirst ------------------------------------------------------------------------------


def test_short_paragraph_after_the_title_is_the_standfirst():
    html = page(
        "China's new Silk Road", "Beijing is rethinking its loans. Debtors notice.", "Body."
    )
    result = extract(TITLE, html)
    assert result.dek == "Beijing is rethinking its loans. Debtors notice."
    assert result.body_html == "<p>Body.</p>"


@pytest.mark.parametrize(
    "text",
    [
        "One. Two. Three sentences are too many for a standfirst.",
        "A very long opening paragraph " * 12,
        "The three questions are:",
        "PUBLISHED : 3 March 2020",
        "By Jane Roe and John Doe",
    ],
)
def test_standfirst_rejects_long_text_bylines_and_stamps(text):
    assert not is_standfirst(text)


def test_a_byline_right_after_the_title_means_no_standfirst():
    result = extract(TITLE, page("China's new Silk Road", "By Jane Roe", "Short body."))
    assert result.dek == ""
    assert result.body_html == "<p>Short body.</p>"


# --- outlet ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Here is my column in the Daily Example on the summit.", "the Daily Example"),
        ("I have a piece for The Example Review out today.", "The Example Review"),
        ("My latest for Foreign Policy. It is about ports.", "Foreign Policy"),
        ("A new article in Nikkei Asia about chips.", "Nikkei Asia"),
        ("I wrote for war on the rocks about the navy.", "war on the rocks"),
    ],
)
def test_outlet_in_intro_phrasing(text, outlet):
    assert parse_intro_outlet(text, ["War on the Rocks"]) == outlet


@pytest.mark.parametrize(
    "text",
    ["I wrote a piece for the weekend.", "My column in this space is on hold.", "A new article."],
)
def test_intro_phrasing_without_an_outlet(text):
    assert parse_intro_outlet(text) == ""


def test_outlet_priority_byline_then_print_note_then_exclusivity_then_intro():
    start = ["<p>My column in the Intro Times.</p>", "<p>China's new Silk Road</p>"]
    notes = [
        "<p>By Jane Roe for the Byline Post</p>",
        "<p>This article appeared in the Print Gazette print edition as Roads.</p>",
        "<p>Body, written exclusively for the Exclusive Herald.</p>",
    ]
    expected = ["the Byline Post", "the Print Gazette", "the Exclusive Herald", "the Intro Times"]
    for dropped, outlet in enumerate(expected):
        # Without the notes that rank higher, the next one decides.
        assert extract(TITLE, "\n".join(start + notes[dropped:])).outlet_name == outlet
