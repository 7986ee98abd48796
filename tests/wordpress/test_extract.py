from datetime import datetime

import pytest

from wordpress.extract import (
    Mention,
    extract,
    is_person_name,
    is_standfirst,
    is_title_line,
    parse_bios,
    parse_byline,
    parse_exclusivity,
    parse_intro_outlet,
    parse_mentions,
    parse_print_note,
    parse_stamps,
)

TITLE = "China\u2019s \u201cnew\u201d Silk Road"
# Three sentences: too many for a standfirst, so a body paragraph stays in the body.
BODY = "Body one. Body two. Body three."


def page(*paragraphs):
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


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


# --- stamps ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PUBLISHED : Tuesday, 3 March, 2020, 7:05pm", datetime(2020, 3, 3, 19, 5)),
        ("Published: 3 March 2020, 19:05", datetime(2020, 3, 3, 19, 5)),
        ("published:3 Mar 2020 7:05 a.m.", datetime(2020, 3, 3, 7, 5)),
        ("First published: March 3, 2020 at 12:15am", datetime(2020, 3, 3, 0, 15)),
        ("Published 2020-03-03 09:00 HKT", datetime(2020, 3, 3, 9, 0)),
        ("PUBLISHED : Tue, 3rd March 2020", datetime(2020, 3, 3, 0, 0)),
        ("Posted on Sept 3, 2020, 7pm", datetime(2020, 9, 3, 19, 0)),
    ],
)
def test_published_stamp_formats(text, expected):
    assert parse_stamps(text) == (expected, None)


def test_updated_stamp():
    assert parse_stamps("UPDATED : 4 Mar 2020 10:30") == (None, datetime(2020, 3, 4, 10, 30))


def test_both_stamps_on_one_line_split_by_a_bar():
    text = "PUBLISHED : 3 March, 2020, 7:05pm | UPDATED : 4 March, 2020, 10:30am"
    assert parse_stamps(text) == (datetime(2020, 3, 3, 19, 5), datetime(2020, 3, 4, 10, 30))


@pytest.mark.parametrize(
    "text",
    [
        "The report was published on 3 March 2020 and updated since.",
        "Published: 31 February 2020",
        "Updated guidance is expected soon.",
        "PUBLISHED : 3 March 2020 by the ministry",
    ],
)
def test_lines_that_are_not_only_stamps(text):
    assert parse_stamps(text) is None


def test_stamps_in_one_paragraph_split_by_br_are_removed():
    html = (
        "<p>China's new Silk Road</p>\n"
        "<p>PUBLISHED : Tuesday, 3 March, 2020, 7:05pm<br>\nUPDATED : 4 Mar 2020 10:30</p>\n"
        "<p>Body.</p>"
    )
    result = extract(TITLE, html)
    assert (result.published, result.updated) == (
        datetime(2020, 3, 3, 19, 5),
        datetime(2020, 3, 4, 10, 30),
    )
    assert result.body_html == "<p>Body.</p>"


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


# --- print note and exclusivity --------------------------------------------------------------


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


# --- mentions --------------------------------------------------------------------------------


def test_mentions_split_outlets_and_clauses():
    sentence = (
        "Also spoke to the BBC and Sky News about the election, "
        "and separately to Le Monde about energy prices."
    )
    assert parse_mentions(sentence) == [
        Mention("BBC", "the election", "interview"),
        Mention("Sky News", "the election", "interview"),
        Mention("Le Monde", "energy prices", "interview"),
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
    assert parse_mentions(sentence, ["War on the Rocks"]) == [Mention(*m) for m in expected]


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
        Mention("Reuters", "the pipeline deal", "quoted"),
        Mention("BBC", "the election", "interview"),
    ]
    assert result.outlet_name == "the Daily Example"


def test_mentions_are_only_read_in_the_intro():
    html = page("China's new Silk Road", "Body.", "I spoke to the BBC about the election.")
    result = extract(TITLE, html)
    assert result.mentions == []
    assert "the BBC" in result.body_html


# --- the whole post --------------------------------------------------------------------------


def test_everything_no_rule_used_is_left_exactly_as_it_came():
    body = (
        f'<p class="lead">First <em>real</em> paragraph. {BODY}</p>\n'
        "<ul>\n<li>By Jane Roe</li>\n</ul>\n"
        '<!--more-->\n<figure><img src="x.jpg" /><figcaption>Map</figcaption></figure>\n'
        "<blockquote><p>Quote.</p></blockquote>"
    )
    html = page("China's new Silk Road") + "\n" + body
    assert extract(TITLE, html).body_html == body


def test_removing_a_sentence_keeps_the_markup_well_formed():
    html = page(
        "<strong>Note. I spoke to the BBC about <em>the</em> election.</strong> Thanks.",
        "China's new Silk Road",
    )
    result = extract(TITLE, html)
    assert result.intro_html == "<p><strong>Note. </strong>Thanks.</p>"


def test_a_full_post_fires_every_rule():
    html = "\n".join(
        [
            "<p>My latest for Foreign Policy. Also spoke to Sky News about the vote.</p>",
            "<h1>China\u2019s \u201cnew\u201d Silk Road</h1>",
            "<p>Why Beijing is lending less.</p>",
            "<p>PUBLISHED : 3 March 2020, 7:05pm | UPDATED : 4 March 2020, 8:00am</p>",
            "<p>By Jane Roe</p>",
            f"<p>{BODY}</p>",
            "<p>Body four. It was written exclusively for Foreign Policy.</p>",
            "<p><em>Jane Roe is a senior fellow at the Example Institute.</em></p>",
        ]
    )
    result = extract(TITLE, html, ["Foreign Policy"])
    assert result.fired == [
        "title_line", "stamps", "byline", "exclusive", "bios", "standfirst", "intro_outlet",
        "mentions",
    ]  # fmt: skip
    assert result.intro_html == "<p>My latest for Foreign Policy.</p>"
    assert result.dek == "Why Beijing is lending less."
    assert result.body_html == f"<p>{BODY}</p>\n<p>Body four.</p>"
    assert result.outlet_name == "Foreign Policy"
    assert result.authors == [("Jane Roe", "Jane Roe is a senior fellow at the Example Institute.")]
