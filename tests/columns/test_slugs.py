import pytest

from core.slugs import free_slug
from outlets.models import Outlet
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db


def test_a_free_slug_skips_the_taken_ones_in_one_query(django_assert_num_queries):
    for slug in ("bbc", "bbc-2", "bbc-world"):
        OutletFactory(name=slug.upper(), slug=slug)
    with django_assert_num_queries(1):
        assert free_slug(Outlet.objects.all(), "B.B.C", fallback="outlet") == "bbc-3"
    assert free_slug(Outlet.objects.all(), "Reuters") == "reuters"
    assert free_slug(Outlet.objects.all(), "?!", fallback="outlet") == "outlet"


def test_a_free_slug_fits_the_field():
    OutletFactory(name="x", slug="a" * 10)
    assert free_slug(Outlet.objects.all(), "a" * 50, max_length=10) == "a" * 8 + "-2"
