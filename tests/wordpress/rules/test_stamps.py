"""Rule: stamps."""

from datetime import datetime

import pytest

from tests.wordpress.rules.posts import TITLE
from wordpress.rules import (
    extract,
    parse_stamps,
)


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
