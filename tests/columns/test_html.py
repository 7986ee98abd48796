import html

import nh3
import pytest

from core.html import strip_tags


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  Beijing   lends\nless ", "Beijing lends less"),
        ("Beijing &amp; the <em>loans</em>", "Beijing & the loans"),
        ("x<b>y</b> <script>alert(1)</script>z", "xy z"),
        ("a\0b", "ab"),
        ("\ufeffTitle", "Title"),
        ("", ""),
        (None, ""),
    ],
)
def test_strip_tags(value, text):
    assert strip_tags(value) == text


@pytest.mark.parametrize(
    "value", ["Beijing lends less", " a\tb\r\nc\x0b", "Café “quoted” — 5 > 3 = 'x'", "\xa0a\u2028b"]
)
def test_plain_text_reads_as_the_html_parser_reads_it(value):
    # Text without markup skips the parser; it must come out as the parser would give it.
    assert strip_tags(value) == " ".join(html.unescape(nh3.clean(value, tags=set())).split())
