import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from columns.models import Column
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_column_page_shows_the_column(client):
    author, coauthor = AuthorFactory(name="Jane Roe"), AuthorFactory(name="Li Wei")
    column = ColumnFactory(
        title="Why the SCO matters",
        intro="<p>A new piece, written with Li.</p>",
        print_headline="The club that grew",
        bylines=[(author, "Jane Roe is senior fellow."), coauthor],
    )
    response = client.get(column.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Why the SCO matters" in content
    assert content.index("Jane Roe") < content.index("Li Wei")
    assert "Jane Roe is senior fellow." in content
    assert "print edition as “The club that grew”" in content


def test_drafts_and_scheduled_columns_are_hidden_from_readers(client, editor_client):
    with time_machine.travel(datetime.datetime(2024, 1, 10, tzinfo=UTC), tick=False):
        draft = ColumnFactory(title="Draft piece", status=Column.Status.DRAFT)
        scheduled = ColumnFactory(
            title="Scheduled piece", posted_at=datetime.datetime(2024, 1, 12, tzinfo=UTC)
        )
        ColumnFactory(title="Live piece", posted_at=datetime.datetime(2024, 1, 9, tzinfo=UTC))
        for column in (draft, scheduled):
            assert client.get(column.get_absolute_url()).status_code == 404
        home = client.get(reverse("columns:index")).content.decode()
        assert "Live piece" in home
        assert "Draft piece" not in home and "Scheduled piece" not in home

        preview = editor_client.get(scheduled.get_absolute_url())
        assert preview.status_code == 200
        assert "Scheduled: goes public" in preview.content.decode()
        assert "no-cache" in preview["Cache-Control"]

    with time_machine.travel(datetime.datetime(2024, 1, 12, 0, 0, 1, tzinfo=UTC), tick=False):
        assert client.get(scheduled.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/2015/13/01/x/", "/2015/02/30/x/", "/2015/01/01/unknown/", "/author/nobody/",
     "/outlet/nowhere/"],
)  # fmt: skip
def test_bad_addresses_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["abc", "999999", "-1", "0"])
def test_bad_page_numbers_never_fail(client, page):
    ColumnFactory(title="The only column")
    response = client.get(reverse("columns:index"), {"page": page})
    assert response.status_code == 200  # the first page, or the last for a huge number
    assert "The only column" in response.content.decode()


def test_home_query_count_is_fixed(client, django_assert_num_queries):
    for _ in range(3):
        ColumnFactory(bylines=[AuthorFactory()], tags=["SCO"])
    # The count, the columns with their outlets, their bylines with authors (cards show no
    # tags), then the "In the media" and "As published in" strips, and the site owner.
    with django_assert_num_queries(6):
        client.get(reverse("columns:index"))
    for _ in range(20):
        ColumnFactory(bylines=[AuthorFactory(), AuthorFactory()], tags=["SCO", "China"])
    with django_assert_num_queries(6):
        client.get(reverse("columns:index"))


def test_in_the_media_hides_links_to_unpublished_columns(client):
    draft = ColumnFactory(title="Secret draft", status=Column.Status.DRAFT)
    MentionFactory(topic="the election", column=draft, outlet__name="Reuters")
    content = client.get(reverse("mentions:list")).content.decode()
    assert "Spoke to Reuters about the election." in content
    assert "Secret draft" not in content


def test_column_page_gives_both_outlet_stamps_on_the_outlets_own_days(client):
    """Before 08:00 in Hong Kong it is still the day before in UTC: the published and the
    updated day are both read in the outlet's zone, as its address is."""
    zone = zoneinfo.ZoneInfo("Asia/Hong_Kong")
    column = ColumnFactory(
        outlet=OutletFactory(name="SCMP", timezone="Asia/Hong_Kong"),
        outlet_published_at=datetime.datetime(2020, 3, 3, 7, 5, tzinfo=zone),
        outlet_updated_at=datetime.datetime(2020, 3, 4, 6, 30, tzinfo=zone),
    )
    assert column.get_absolute_url().startswith("/2020/03/03/")
    html = client.get(column.get_absolute_url()).text
    assert ">3 March 2020</time>, updated <time" in html
    assert ">4 March 2020</time>" in html
    # Without the outlet's zone, the site's applies to both.
    other = ColumnFactory(
        outlet_published_at=datetime.datetime(2020, 3, 3, 7, 5, tzinfo=zone),
        outlet_updated_at=datetime.datetime(2020, 3, 4, 6, 30, tzinfo=zone),
    )
    assert (other.day, other.updated_day) == (datetime.date(2020, 3, 2), datetime.date(2020, 3, 3))
