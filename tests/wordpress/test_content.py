import time
from html.parser import HTMLParser

import pytest

from core.html import clean_html
from wordpress.content import MOST_NESTED, balance_tags, render_wordpress, wpautop

VOID = {"br", "hr", "img", "source", "input", "meta", "link", "wbr", "col", "area", "embed"}


class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.errors.append(f"</{tag}> with {self.open} open")


def assert_well_formed(html):
    checker = _Nesting()
    checker.feed(html)
    assert checker.errors == []
    assert checker.open == []


# --- wpautop ---------------------------------------------------------------------------------


def test_blank_lines_make_paragraphs():
    assert (
        render_wordpress("One.\n\nTwo.\n\n\n\nThree.") == "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>"
    )


def test_single_newline_is_a_line_break_inside_the_paragraph():
    assert render_wordpress("Roses are red,\nviolets are blue.") == (
        "<p>Roses are red,<br>\nviolets are blue.</p>"
    )


def test_windows_line_endings_are_paragraphs_too():
    assert render_wordpress("One.\r\n\r\nTwo.") == "<p>One.</p>\n<p>Two.</p>"


def test_block_elements_are_not_wrapped_in_paragraphs():
    html = render_wordpress(
        "Intro\n<h2>Section</h2>\nText\n<hr />\n<table><tr><td>1</td></tr></table>"
    )
    # Like WordPress, each table tag ends up on a line of its own.
    assert html == (
        "<p>Intro</p>\n<h2>Section</h2>\n<p>Text</p>\n<hr />\n"
        "<table>\n<tr>\n<td>1</td>\n</tr>\n</table>"
    )


def test_nested_lists_stay_lists_without_paragraphs_or_breaks():
    raw = "<ul>\n<li>One\n<ul>\n<li>Sub</li>\n</ul>\n</li>\n<li>Two</li>\n</ul>"
    assert render_wordpress(raw) == raw


def test_pre_blocks_keep_their_newlines_and_blank_lines():
    raw = "Code:\n<pre>line 1\n\nline 2\n    indented [gallery]\nhttps://example.com</pre>\nDone."
    assert render_wordpress(raw) == (
        "<p>Code:</p>\n<pre>line 1\n\nline 2\n    indented [gallery]\nhttps://example.com</pre>\n"
        "<p>Done.</p>"
    )


def test_text_before_a_div_gets_its_own_paragraph():
    assert render_wordpress("Text\n<div>inner</div>\nmore") == (
        "<p>Text</p>\n<div>inner</div>\n<p>more</p>"
    )


def test_blockquote_text_is_paragraphed_inside_the_blockquote():
    assert render_wordpress("<blockquote>Stay hungry.</blockquote>") == (
        "<blockquote><p>Stay hungry.</p></blockquote>"
    )


def test_non_breaking_space_is_text_not_whitespace():
    assert wpautop("a\xa0\nb") == "<p>a\xa0<br>\nb</p>\n"


def test_wpautop_of_nothing_is_nothing():
    assert wpautop("  \n\n ") == ""


# --- captions --------------------------------------------------------------------------------


def test_caption_with_linked_image_and_trailing_text_becomes_a_figure():
    raw = (
        '[caption id="attachment_754" align="alignnone" width="604"]'
        '<a href="big.jpg"><img src="small.jpg" alt="Bell" /></a> Bell on the wharf[/caption]'
    )
    assert render_wordpress(raw) == (
        '<figure><a href="big.jpg"><img src="small.jpg" alt="Bell" /></a>'
        "<figcaption>Bell on the wharf</figcaption></figure>"
    )


def test_caption_attribute_form():
    raw = '[caption id="a" align="center" width="64" caption="Husk."]<img src="x.jpg" />[/caption]'
    assert (
        render_wordpress(raw)
        == '<figure><img src="x.jpg" /><figcaption>Husk.</figcaption></figure>'
    )


def test_caption_without_text_leaves_the_image_alone():
    assert render_wordpress('[caption width="10"]<img src="x.jpg" />[/caption]') == (
        '<p><img src="x.jpg" /></p>'
    )


def test_caption_between_paragraphs_is_its_own_block():
    html = render_wordpress('Before.\n[caption]<img src="x.jpg" /> Map[/caption]\nAfter.')
    assert html == (
        '<p>Before.</p>\n<figure><img src="x.jpg" /><figcaption>Map</figcaption></figure>\n'
        "<p>After.</p>"
    )


# --- more and nextpage -----------------------------------------------------------------------


def test_more_tag_between_paragraphs_stays_at_block_level():
    assert render_wordpress("Teaser.\n\n<!--more-->\n\nRest.") == (
        "<p>Teaser.</p>\n<!--more-->\n<p>Rest.</p>"
    )


def test_more_tag_with_custom_text_in_the_middle_of_a_line_splits_the_paragraph():
    assert render_wordpress("Teaser <!--more Keep reading--> rest.") == (
        "<p>Teaser</p>\n<!--more-->\n<p>rest.</p>"
    )


def test_only_the_first_more_tag_counts():
    assert render_wordpress("A\n\n<!--more-->\n\nB\n\n<!--more-->\n\nC").count("<!--more-->") == 1


def test_more_tag_inside_a_block_editor_paragraph_is_lifted_out():
    raw = "<!-- wp:paragraph -->\n<p>Teaser <!--more--> rest.</p>\n<!-- /wp:paragraph -->"
    assert render_wordpress(raw) == "<p>Teaser</p>\n<!--more-->\n<p>rest.</p>"


def test_nextpage_is_removed_and_breaks_the_paragraph():
    assert render_wordpress("Page one\n<!--nextpage-->\nPage two") == (
        "<p>Page one</p>\n<p>Page two</p>"
    )


# --- block editor ----------------------------------------------------------------------------


def test_block_comments_are_stripped_without_double_paragraphs():
    raw = (
        "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h3>Two</h3>\n<!-- /wp:heading -->'
    )
    assert render_wordpress(raw) == "<p>One</p>\n<h3>Two</h3>"


def test_block_comments_around_lists():
    raw = (
        "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>a</li>\n<!-- /wp:list-item -->"
        "<!-- wp:list-item -->\n<li>b</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"
    )
    assert render_wordpress(raw) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_self_closing_block_comments_and_the_more_block():
    raw = (
        "<!-- wp:paragraph -->\n<p>Teaser</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:spacer /-->\n\n"
        "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n<!-- wp:latest-posts /-->\n\n"
        "<!-- wp:paragraph -->\n<p>Rest</p>\n<!-- /wp:paragraph -->"
    )
    assert render_wordpress(raw) == "<p>Teaser</p>\n<!--more-->\n<p>Rest</p>"


def test_block_html_keeps_its_own_newlines_as_they_are():
    raw = "<!-- wp:paragraph -->\n<p>Line one\nstill line one</p>\n<!-- /wp:paragraph -->"
    assert render_wordpress(raw) == "<p>Line one\nstill line one</p>"


def test_classic_text_between_blocks_is_paragraphed():
    raw = "<!-- wp:paragraph -->\n<p>Block.</p>\n<!-- /wp:paragraph -->\n\nLoose one.\n\nLoose two."
    assert render_wordpress(raw) == "<p>Block.</p>\n<p>Loose one.</p>\n<p>Loose two.</p>"


# --- shortcodes and URLs ---------------------------------------------------------------------


def test_embed_shortcode_becomes_a_linked_paragraph():
    assert render_wordpress("Watch:\n[embed]https://youtu.be/abc[/embed]") == (
        '<p>Watch:</p>\n<p><a href="https://youtu.be/abc">https://youtu.be/abc</a></p>'
    )


def test_url_alone_on_a_line_becomes_a_linked_paragraph():
    assert render_wordpress("See\nhttps://example.com/a?b=1&c=2\nthere.") == (
        "<p>See</p>\n"
        '<p><a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a></p>\n'
        "<p>there.</p>"
    )


def test_url_inside_a_sentence_is_left_alone():
    assert render_wordpress("Read https://example.com today.") == (
        "<p>Read https://example.com today.</p>"
    )


def test_media_shortcodes_are_dropped_without_splitting_the_paragraph():
    raw = 'Photos:\n[audio mp3="a.mp3"][/audio]\n[video src="v.mp4" /]\nEnd.'
    assert render_wordpress(raw) == "<p>Photos:<br>\nEnd.</p>"


@pytest.mark.parametrize(
    ("raw", "left"),
    [
        ('[gallery ids="1, 2" columns="3"]', "<p>[gallery ids=1,2]</p>"),
        ("[gallery ids='7' /]", "<p>[gallery ids=7]</p>"),
        ("[gallery]", "<p>[gallery]</p>"),
        ('[gallery ids="javascript:1"]', "<p>[gallery ids=1]</p>"),
    ],
)
def test_a_gallery_leaves_its_ids_for_the_importer(raw, left):
    assert render_wordpress(f"Photos:\n{raw}\nEnd.") == f"<p>Photos:</p>\n{left}\n<p>End.</p>"


def test_unknown_shortcodes_lose_their_tags_and_keep_their_text():
    assert render_wordpress('A [note type="x"]kept [b]bold[/b][/note] and [toc /] end.') == (
        "<p>A kept bold and  end.</p>"
    )


def test_square_brackets_that_are_not_shortcodes_stay():
    text = "He said it [sic] twice [1], see [Editor's note] and [a-b]."
    assert render_wordpress(text) == f"<p>{text}</p>"


# --- tidying ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "empty", ["<p></p>", "<p>&nbsp;</p>", "<p>\xa0</p>", "<p><br></p>", "<p> <br /> </p>"]
)
def test_empty_paragraphs_are_dropped(empty):
    assert render_wordpress(f"Text.\n\n{empty}\n\nMore.") == "<p>Text.</p>\n<p>More.</p>"


@pytest.mark.parametrize(
    "raw",
    [
        "<em>a\n\nb</em>",
        "<p>unclosed <strong>bold\n\nnext",
        "stray </em> closer\n\n</div>",
        "<div>Text\n\n<p>inner</div>",
        "<ul><li>one<li>two</ul>",
        '[caption]<a href="x"><img src="x" /></a> <em>Cap[/caption] tail</em>',
    ],
)
def test_output_is_well_formed(raw):
    assert_well_formed(render_wordpress(raw))


def test_balance_tags_closes_open_elements_and_drops_stray_closers():
    assert (
        balance_tags("<p><em>a</p> b</em> <br> <!-- c -->") == "<p><em>a</em></p> b <br> <!-- c -->"
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "<div>" * 50_000 + "x" + "</div>" * 50_000,  # absurd nesting: 20 s before
        "<!--" * 100_000 + "x",  # unclosed comments: minutes before
        "<p>" + "<em>" * 50_000 + "</p>",
        "</pre>" + "<pre>" * 50_000,  # a lazy .*? to the end for each: minutes before
        "[/b]" + "[caption]" * 50_000,
        "</svg>" + "<svg>" * 50_000,
    ],
)
def test_hostile_markup_renders_in_linear_time(hostile):
    started = time.monotonic()
    clean_html(render_wordpress(hostile))  # (the sanitiser is slow on deep nesting)
    assert time.monotonic() - started < 5


def test_elements_nested_too_deep_are_dropped_and_the_rest_stays_well_formed():
    deep = "<div>" * 300 + "x" + "</div>" * 300
    balanced = balance_tags(deep)
    assert balanced == "<div>" * MOST_NESTED + "x" + "</div>" * MOST_NESTED
    assert balance_tags("<div>" * 10 + "x" + "</div>" * 10) == "<div>" * 10 + "x" + "</div>" * 10
