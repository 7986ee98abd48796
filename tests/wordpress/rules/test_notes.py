"""Rules: print-edition note and exclusivity."""

import pytest

from tests.wordpress.rules.posts import BODY, TITLE, page
from wordpress.rules import (
    extract,
    parse_exclusivity,
    parse_print_note,
)


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        (
            'This article appeared in the Example Post print edition as "Beijing\'s gamble".',
            "Beijing's gamble",
        ),
        (
            "This article appeared in the Example Post print edition as: \u2018Xi\u2019s bet\u2019",
            "Xi\u2019s bet",
        ),
        ("This article appeared in the Example Post print edition as Will it pay?", "Will it pay?"),
        ("This article appeared in the Example Post print edition as A long road.", "A long road"),
    ],
)
def test_print_note(sentence, headline):
    assert parse_print_note(sentence) == ("the Example Post", headline)


def test_print_note_needs_the_print_edition():
    assert parse_print_note("This article appeared in the Example Post on Monday.") is None


def test_exclusivity_with_known_and_unknown_outlets():
    assert parse_exclusivity(
        "Written exclusively for the diplomat, this piece.", ["The Diplomat"]
    ) == ("the diplomat")
    assert (
        parse_exclusivity("This was written exclusively for Nikkei Asia. Enjoy.") == "Nikkei Asia"
    )
    assert parse_exclusivity("It was written exclusively for readers like you.") is None


def test_exclusivity_sentence_is_removed_and_the_rest_of_the_paragraph_kept():
    html = page(
        "China's new Silk Road",
        BODY,
        "Body. This piece was written exclusively for <em>The Diplomat</em>. More body.",
    )
    result = extract(TITLE, html, ["The Diplomat"])
    assert result.exclusive is True
    assert result.outlet_name == "The Diplomat"
    assert result.body_html == f"<p>{BODY}</p>\n<p>Body. More body.</p>"


def test_print_note_is_removed_and_gives_headline_and_outlet():
    html = page(
        "China's new Silk Road",
        BODY,
        "This article appeared in the South China Morning Post print edition as: Road to nowhere",
    )
    result = extract(TITLE, html)
    assert result.print_headline == "Road to nowhere"
    assert result.outlet_name == "the South China Morning Post"
    assert result.body_html == f"<p>{BODY}</p>"
