import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.views.generic import ListView

from columns.models import Column
from core.lists import PublicListMixin
from pagecache import guard
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db


class ColumnList(PublicListMixin, ListView):
    paginate_by = 2

    def get_queryset(self):
        return Column.objects.published().order_by("-date")


def page(path, **params):
    view = ColumnList.as_view(template_name="columns/column_list.html")
    response = view(RequestFactory().get(path, params))
    return response.context_data["paginator"].count, list(response.context_data["page_obj"])


@pytest.fixture
def count_cache(settings):
    settings.COUNT_CACHE_SECONDS = 600
    cache.clear()
    guard.reset()


def test_a_lists_count_is_computed_once_for_all_its_pages(count_cache, django_assert_num_queries):
    for _ in range(5):
        ColumnFactory()
    assert page("/", page=1)[0] == 5
    with django_assert_num_queries(1):  # the page's rows, not the count
        count, columns = page("/", page=3)
    assert count == 5 and len(columns) == 1
    with django_assert_num_queries(2):  # another list: its own count
        assert page("/other/")[0] == 5


def test_a_content_change_recounts(count_cache, django_capture_on_commit_callbacks):
    ColumnFactory()
    assert page("/")[0] == 1
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory()
    assert page("/")[0] == 2


def test_counts_are_plain_without_the_setting(django_assert_num_queries):
    ColumnFactory()
    page("/")
    with django_assert_num_queries(2):
        assert page("/")[0] == 1


@pytest.mark.parametrize("url", ["/", "/tag/china/", "/in-the-media/"])
def test_public_lists_count_once(count_cache, client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import MentionFactory

    for _ in range(3):
        ColumnFactory(tags=["China"])
        MentionFactory()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(url).status_code == 200

    def paginator_counts(captured):
        return [q for q in captured.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]

    assert paginator_counts(first)
    assert len(paginator_counts(second)) < len(paginator_counts(first))


def test_the_api_lists_count_is_cached_too(
    client, count_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(3):
        ColumnFactory()
    assert client.get("/api/columns/").json()["count"] == 3
    with django_assert_num_queries(4):  # the page's columns, tags, bylines, mentions
        assert client.get("/api/columns/").json()["count"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory()
    assert client.get("/api/columns/").json()["count"] == 4


@pytest.mark.parametrize(
    "url, counted",
    [("/tags/", "2 columns"), ("/outlets/", "2 columns"), ("/archive/", "2 columns")],
)
def test_whole_archive_counts_are_computed_once_per_content_change(
    count_cache, client, url, counted, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import OutletFactory

    outlet = OutletFactory()
    for _ in range(2):
        ColumnFactory(tags=["China"], outlet=outlet)
    with CaptureQueriesContext(connection) as first:
        assert counted in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as second:
        assert counted in client.get(url).content.decode()
    assert len(second) < len(first)
    assert not any("GROUP BY" in q["sql"] for q in second.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        ColumnFactory(tags=["China"], outlet=outlet)
    assert "3 columns" in client.get(url).content.decode()
