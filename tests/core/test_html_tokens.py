import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.html_tokens import COMMENT, RAW, TAG, TEXT, start_tag, tokens


def kinds(html, **options):
    return [(token.kind, token.text) for token in tokens(html, **options)]


def only_tag(html):
    (token,) = tokens(html)
    assert token.kind == TAG
    return token


def test_text_comments_and_tags_in_order():
    html = '<P class="lead">One<br/>two</P>\n<!-- a <b> note -->'
    assert kinds(html) == [
        (TAG, '<P class="lead">'),
        (TEXT, "One"),
        (TAG, "<br/>"),
        (TEXT, "two"),
        (TAG, "</P>"),
        (TEXT, "\n"),
        (COMMENT, "<!-- a <b> note -->"),
    ]
    opening, _, br, _, closing, *_ = tokens(html)
    assert (opening.name, opening.closing, opening.self_closing) == ("p", False, False)
    assert (br.name, br.self_closing) == ("br", True)
    assert (closing.name, closing.closing) == ("p", True)


def test_a_greater_than_sign_in_a_quoted_value_does_not_end_the_tag():
    assert kinds("<a title='1 > 0' href=\"/x?a>b\">x</a>")[0] == (
        TAG,
        "<a title='1 > 0' href=\"/x?a>b\">",
    )


@pytest.mark.parametrize("html", ["a < b", "<3 you", "x <!-- not closed", "</ p>", "< p>"])
def test_what_is_not_a_tag_is_text(html):
    assert kinds(html) == [(TEXT, html)]


def test_attributes_in_double_single_or_no_quotes_or_none():
    tag = only_tag("""<img SRC=/media/a.jpg alt='A "map"' title="Salt &amp; pepper" hidden>""")
    assert tag.attributes() == {
        "src": "/media/a.jpg",
        "alt": 'A "map"',
        "title": "Salt & pepper",
        "hidden": "",
    }


def test_the_first_of_two_attributes_with_one_name_counts():
    assert only_tag('<img src="a.jpg" SRC="b.jpg">').attributes() == {"src": "a.jpg"}


def test_a_tag_spread_over_lines():
    tag = only_tag('<a\nhref="x"\n  title = "y"\n>')
    assert tag.attributes() == {"href": "x", "title": "y"}


def test_script_and_style_text_is_not_read_as_html():
    html = "<p>a</p><script>if (a <b) { x = '</p>'; }</SCRIPT ><style>p{}</style>"
    assert kinds(html)[3:] == [
        (RAW, "<script>if (a <b) { x = '</p>'; }</SCRIPT >"),
        (RAW, "<style>p{}</style>"),
    ]
    assert [token.name for token in tokens(html)][3:] == ["script", "style"]


def test_without_its_end_tag_a_script_start_tag_is_an_ordinary_tag():
    assert kinds("<script><p>a") == [(TAG, "<script>"), (TAG, "<p>"), (TEXT, "a")]


def test_script_text_can_be_read_as_html_on_request():
    assert kinds("<script>x<b>y</b></script>", raw_text=()) == [
        (TAG, "<script>"),
        (TEXT, "x"),
        (TAG, "<b>"),
        (TEXT, "y"),
        (TAG, "</b>"),
        (TAG, "</script>"),
    ]


def test_start_tag_escapes_values_and_reads_back_the_same():
    attributes = {"src": "/a.jpg?x=1&y=2", "alt": '"Quotes" & it\'s <3'}
    written = start_tag("img", attributes)
    assert written == (
        '<img src="/a.jpg?x=1&amp;y=2" alt="&quot;Quotes&quot; &amp; it&#x27;s &lt;3">'
    )
    assert only_tag(written).attributes() == attributes


@given(st.text(alphabet="<>/!-='\" \nabp", max_size=80) | st.text(max_size=80))
def test_tokens_join_back_into_the_html_each_where_it_stands(html):
    found = list(tokens(html))
    assert "".join(token.text for token in found) == html
    assert all(html[token.start : token.end] == token.text for token in found)


# The tokens as one regex of comments and tags read them, before that regex was split for
# speed: the reading must not change.
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
_ONE_REGEX = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<closing>/)?(?P<name>[a-zA-Z][\w:-]*)(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>",
    re.S,
)


def one_regex_kinds(html, raw_text=("script", "style")):
    found, position = [], 0
    while match := _ONE_REGEX.search(html, position):
        start, end = match.span()
        if start > position:
            found.append((TEXT, html[position:start]))
        position = end
        name = (match.group("name") or "").lower()
        end_tag = re.compile(rf"</{name}\s*>", re.I).search(html, end) if name else None
        if not name:
            found.append((COMMENT, match.group()))
        elif name in raw_text and not match.group("closing") and end_tag:
            position = end_tag.end()
            found.append((RAW, html[start:position]))
        else:
            found.append((TAG, match.group()))
    if position < len(html):
        found.append((TEXT, html[position:]))
    return found


PIECES = ["<!--", "-->", "<!-->", "<b>", "</b>", "<script>", "</script>", '<a t="-->">', "x", "\n"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_comments_tags_and_raw_elements_are_read_as_one_regex_read_them(html):
    assert kinds(html) == one_regex_kinds(html)


@pytest.mark.parametrize("opener", ["<!--", "<script>", "-->" + "<!--"])
def test_unclosed_comments_and_scripts_take_linear_time(opener):
    # Each unclosed "<!--" was tried to the end of the text: minutes for a hostile post.
    started = time.monotonic()
    assert len(list(tokens(opener * 100_000 + "<b>x</b>"))) > 2
    assert time.monotonic() - started < 5
