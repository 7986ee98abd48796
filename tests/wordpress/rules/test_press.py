"""Rule: press mentions in the intro."""

import pytest

from tests.wordpress.rules import press_cases
from tests.wordpress.rules.posts import TITLE, page
from wordpress.rules import (
    PressMention,
    extract,
    parse_mentions,
    possible_mention,
    triggers,
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


def test_a_pronoun_or_missing_topic_is_left_for_the_title():
    assert parse_mentions("Spoke to Reuters about it.") == [
        PressMention("Reuters", "", "interview", from_title=True)
    ]
    assert parse_mentions("Also appeared on Sky News.") == [
        PressMention("Sky News", "", "broadcast", from_title=True)
    ]
    result = extract(TITLE, page("Spoke to Reuters about this.", "China's new Silk Road"))
    assert result.mentions == [PressMention("Reuters", TITLE, "interview", from_title=True)]


def test_a_sentence_too_long_to_be_a_note_gives_no_mention_but_is_listed():
    sentence = "Spoke to Reuters about " + ", ".join(["Iran"] * 300) + "."
    assert parse_mentions(sentence) == []
    result = extract(TITLE, page(sentence, "China's new Silk Road"))
    assert [p["kind"] for p in result.possible_mentions] == ["interview"]
    assert "Reuters" in result.intro_html


def test_a_list_longer_than_any_contact_is_a_topic():
    names = ", ".join(f"Outlet{n}" for n in range(20))
    assert parse_mentions(f"Spoke to {names} about the vote.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Spoke to local radio about the floods, which was fun.",
            {"outlets": [], "topic": "the floods", "kind": "interview"},
        ),
        (
            "The Example Gazette and the BBC ran the story.",
            {"outlets": ["Example Gazette", "BBC"], "topic": "", "kind": "interview"},
        ),
        (
            "Was quoted in a local paper.",
            {"outlets": [], "topic": "", "kind": "quoted"},
        ),
    ],
)
def test_possible_mentions_guess_what_they_can(sentence, expected):
    found = possible_mention(sentence, ["Example Gazette", "BBC", "Time"])
    assert found == {"sentence": sentence, **expected}


@pytest.mark.parametrize(
    "sentence",
    ["Our rainy week ended well.", "Time will tell.", "the example gazette is lowercase here."],
)
def test_no_possible_mention_without_a_trigger_or_a_known_outlet_written_as_one(sentence):
    assert possible_mention(sentence, ["Example Gazette", "Time"]) is None


def test_triggers_are_found_where_a_search_would_find_them():
    # find_triggers() tries the pattern only at TRIGGER_HEADS, the first words of triggers.
    texts = [text for text, _ in press_cases.MENTIONS] + press_cases.NOT_MENTIONS
    for text in texts:
        searched = tuple(
            (m.start(), m.end()) for m in triggers.ANY_TRIGGER.finditer(" ".join(text.split()))
        )
        found = tuple((start, end) for start, end, *_ in triggers.find_triggers(text))
        assert found == searched, text


def test_a_known_outlet_left_out_of_a_sentence_used_for_mentions_is_listed():
    html = page(
        "Spoke to Reuters about the coup; the Economist ran a leader on it.",
        "China's new Silk Road",
    )
    result = extract(TITLE, html, ["Reuters", "The Economist"])
    assert result.mentions == [PressMention("Reuters", "the coup", "interview")]
    assert [p["outlets"] for p in result.possible_mentions] == [["Economist"]]
    assert result.intro_html == ""
