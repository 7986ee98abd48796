"""Rules: byline, person names and bios."""

import pytest

from tests.wordpress.rules.posts import TITLE, page
from wordpress.rules import (
    extract,
    is_person_name,
    parse_bios,
    parse_byline,
)

# --- byline ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Roe and John Doe for The Outlet", (["Jane Roe", "John Doe"], "The Outlet")),
        ("By Jane Roe, John Doe and Ann Lee", (["Jane Roe", "John Doe", "Ann Lee"], "")),
        ("BY JANE ROE for the Daily Example.", (["JANE ROE"], "the Daily Example")),
        ("Jane Roe and John Doe write for Nikkei Asia", (["Jane Roe", "John Doe"], "Nikkei Asia")),
        (
            "By Ursula von der Leyen, Seán O\u2019Brien and Jean-Pierre Cabestan",
            (["Ursula von der Leyen", "Seán O\u2019Brien", "Jean-Pierre Cabestan"], ""),
        ),
    ],
)
def test_bylines(text, expected):
    assert parse_byline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "By 2030, China will be the largest economy.",
        "By contrast, the minister said nothing.",
        "By the way",
        "By Reuters",
        "By Jane Roe, who has covered the region for years",
        "Officials write for the record.",
    ],
)
def test_not_bylines(text):
    assert parse_byline(text) is None


def test_person_names():
    assert is_person_name("Mohammed bin Salman")
    assert is_person_name("J. K. Rowling")
    assert not is_person_name("The Report")
    assert not is_person_name("China")
    assert not is_person_name("Jane roe")
    assert not is_person_name("One Two Three Four Five")


def test_byline_line_is_removed_and_gives_authors_and_outlet():
    html = page("China's new Silk Road", "By Jane Roe and John Doe for The Example Review", "Body.")
    result = extract(TITLE, html)
    assert result.authors == [("Jane Roe", ""), ("John Doe", "")]
    assert result.outlet_name == "The Example Review"
    assert result.body_html == "<p>Body.</p>"


# --- bios ------------------------------------------------------------------------------------


def test_bio_line_without_byline_needs_a_person_name_and_a_role():
    assert parse_bios("Jane Roe is a senior fellow at the Example Institute.") == [
        ("Jane Roe", "Jane Roe is a senior fellow at the Example Institute.")
    ]


def test_one_sentence_with_two_bios_is_split():
    text = "Jane Roe is director of the Asia Programme and John Doe is professor of law at Leiden."
    assert parse_bios(text) == [
        ("Jane Roe", "Jane Roe is director of the Asia Programme."),
        ("John Doe", "John Doe is professor of law at Leiden."),
    ]


def test_shared_bio_and_a_following_sentence():
    text = "Jane Roe and John Doe are fellows at Chatham House. Their book is out in May."
    bio = "Jane Roe and John Doe are fellows at Chatham House. Their book is out in May."
    assert parse_bios(text) == [("Jane Roe", bio), ("John Doe", bio)]


def test_byline_author_needs_only_a_role_like_predicate():
    assert parse_bios("Jane Roe is a keen sailor.", ["Jane Roe"]) == [
        ("Jane Roe", "Jane Roe is a keen sailor.")
    ]
    assert parse_bios("Jane Roe is a keen sailor.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The report is available online.",
        "China is a major investor in the region.",
        "Foreign Policy is a magazine of ideas.",
        "Beijing and Moscow are partners of convenience.",
        "The ministers are in Geneva this week.",
    ],
)
def test_not_bios(text):
    assert parse_bios(text) == []


def test_bios_attach_to_byline_authors_and_new_names_are_appended():
    html = page(
        "China's new Silk Road",
        "By John Doe and Jane Roe",
        "Body.",
        "Jane Roe is a senior fellow at the Example Institute.",
        "John Doe is an editor. Ann Lee is a researcher at the Lowy Institute.",
    )
    result = extract(TITLE, html)
    assert result.authors == [
        ("John Doe", "John Doe is an editor."),
        ("Jane Roe", "Jane Roe is a senior fellow at the Example Institute."),
        ("Ann Lee", "Ann Lee is a researcher at the Lowy Institute."),
    ]
    assert result.body_html == "<p>Body.</p>"


def test_bio_like_paragraph_before_the_end_stays_in_the_body():
    html = page("Jane Roe is a senior fellow at the Example Institute.", "She disagrees.")
    result = extract(TITLE, html)
    assert result.authors == []
    assert result.body_html == html
