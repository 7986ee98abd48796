"""Every public page runs the same small number of queries with 5 or 50 columns and mentions."""

import pytest

from tests.public_site import build_site, public_urls

pytestmark = pytest.mark.django_db

# Page: its queries, as listed, and on every page the site owner for the header (cached under
# the content version where the count cache is on: tests turn it off).
EXPECTED = {
    # count, columns+outlets, bylines+authors (cards show no tags), mentions strip, outlets strip
    "home": 6,
    # column (with whether it has mentions), tags, bylines, neighbours and related (one
    # query), its mentions (this one has some; 5 without: see tests/columns/test_public_pages.py),
    # the site owner (the header); with its parts kept, the column and the site owner
    # (tests/columns/test_column_page.py)
    "column": 6,
    # tag, count, columns, bylines, its mentions
    "tag": 6,
    # column counts by tag, mention counts by tag, the tags
    "tags": 4,
    # outlet, count, columns, bylines, its mentions
    "outlet": 6,
    # column counts by outlet, mention counts by outlet, the outlets
    "outlets": 4,
    # author, count, columns, bylines
    "author": 5,
    # months with columns, count, columns, bylines, nearest earlier and later columns
    "year": 7,
    # days with columns, count, columns, bylines, nearest earlier and later columns
    "month": 7,
    # count, columns, bylines, nearest earlier and later columns
    "day": 6,
    # months with counts
    "archive": 2,
    # count, mentions+outlets+columns, tags, outlet choices, year choices
    "mentions": 6,
}


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize("name", list(EXPECTED))
def test_query_count_is_fixed(client, django_assert_num_queries, name, size):
    build_site(columns=size, mentions=size)
    with django_assert_num_queries(EXPECTED[name]):
        response = client.get(public_urls()[name])
    assert response.status_code == 200


def test_staff_preview_adds_only_the_session_queries(editor_client, django_assert_num_queries):
    build_site(columns=5)
    # session and user, then the same 6 as a reader.
    with django_assert_num_queries(8):
        editor_client.get(public_urls()["column"])
