"""Rule: press mentions in the intro."""

import pytest

from tests.wordpress.rules.posts import TITLE, page
from wordpress.rules import (
    PressMention,
    extract,
    parse_mentions,
)


def test_mentions_split_outlets_and_clauses():
    sentence = (
        "Also spoke to the BBC and Sky News about the election, "
        "and separately to Le Monde about energy prices."
    )
    assert parse_mentions(sentence) == [
        PressMention("BBC", "the election", "interview"),
        PressMention("Sky News", "the election", "interview"),
        PressMention("Le Monde", "energy prices", "interview"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "I was quoted by Reuters on the pipeline deal.",
            [("Reuters", "the pipeline deal", "quoted")],
        ),
        (
            "I spoke to AFP and France 24 about the train attack.",
            [
                ("AFP", "the train attack", "interview"),
                ("France 24", "the train attack", "interview"),
            ],
        ),
        (
            "Appeared on BBC World News to discuss the sanctions.",
            [("BBC World News", "the sanctions", "broadcast")],
        ),
        (
            "I also joined the Sinica podcast to talk about Taiwan.",
            [("Sinica", "Taiwan", "podcast")],
        ),
        (
            "On Monday, I was on a panel at Chatham House on maritime security.",
            [("Chatham House", "maritime security", "panel")],
        ),
        (
            "Earlier this week I was on CNN's Amanpour show to talk about the summit.",
            [("CNN's Amanpour", "the summit", "broadcast")],
        ),
        (
            "I spoke to the FT about trade and Taiwan.",
            [("FT", "trade and Taiwan", "interview")],
        ),
        (
            "Was interviewed by War on the Rocks about the navy.",
            [("War on the Rocks", "the navy", "interview")],
        ),
    ],
)
def test_mention_kinds(sentence, expected):
    assert parse_mentions(sentence, ["War on the Rocks"]) == [PressMention(*m) for m in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister spoke to reporters about the deal.",
        "Officials spoke to the BBC about the election.",
        "This minister spoke to CNN about the deal.",
        "I spoke to my colleagues about it.",
        "He was quoted by Reuters on the pipeline deal.",
        "The deal appeared on the agenda.",
    ],
)
def test_not_mentions(sentence):
    assert parse_mentions(sentence) == []


def test_mention_sentences_leave_the_intro_and_an_emptied_paragraph_disappears():
    html = page(
        "My column in the Daily Example. I was quoted by Reuters on the pipeline deal.",
        "Also spoke to the BBC about the election.",
        "China's new Silk Road",
    )
    result = extract(TITLE, html)
    assert result.intro_html == "<p>My column in the Daily Example.</p>"
    assert result.mentions == [
        PressMention("Reuters", "the pipeline deal", "quoted"),
        PressMention("BBC", "the election", "interview"),
    ]
    assert result.outlet_name == "the Daily Example"


def test_mentions_are_only_read_in_the_intro():
    html = page("China's new Silk Road", "Body.", "I spoke to the BBC about the election.")
    result = extract(TITLE, html)
    assert result.mentions == []
    assert "the BBC" in result.body_html
