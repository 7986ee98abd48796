"""The rules together: what no rule used is left as it came, and a post where every rule fires."""

import time

import pytest

from tests.wordpress.rules.posts import BODY, TITLE, page
from wordpress.rules import (
    extract,
)


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


def test_a_script_is_one_block_whatever_its_text_holds():
    # Its text is not HTML: the "</p>" and "<p>" in it neither end nor start a paragraph.
    script = "<script>document.write('</p><div><p>');</script>"
    html = page("My latest for Foreign Policy.", "China's new Silk Road") + script + page(BODY)
    result = extract(TITLE, html + "\n<p>By Jane Roe</p>")
    assert result.fired == ["title_line", "byline", "intro_outlet"]
    assert result.body_html == f"{script}\n<p>{BODY}</p>"


def test_a_stray_end_tag_is_kept_once_where_it_stands():
    html = page("China's new Silk Road") + f"</em><p>{BODY}</p></div>"
    assert extract(TITLE, html).body_html == f"</em>\n<p>{BODY}</p>\n</div>"


@pytest.mark.parametrize(
    "hostile",
    [
        "<p>" + "<!--" * 100_000 + "</p>",  # each "<" read to the end: a minute before
        "<p>" + "a. B" * 50_000 + "</p>",  # many sentences, each read with what precedes it
    ],
)
def test_hostile_text_is_read_in_linear_time(hostile):
    started = time.monotonic()
    extract(TITLE, hostile)
    assert time.monotonic() - started < 5
