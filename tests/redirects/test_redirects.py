import datetime

import pytest
from django.contrib.auth.models import Group

from redirects.models import Redirect
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db


def test_renaming_a_slug_leaves_a_301(client):
    column = ColumnFactory(slug="old-name")
    old_url = column.get_absolute_url()
    column.slug = "new-name"
    column.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == column.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_changing_the_date_leaves_a_301_and_no_chains(client):
    column = ColumnFactory(
        slug="piece", outlet_published_at=datetime.datetime(2020, 1, 1, 12, tzinfo=datetime.UTC)
    )
    first_url = column.get_absolute_url()
    column.outlet_published_at = datetime.datetime(2020, 2, 2, 12, tzinfo=datetime.UTC)
    column.save()
    second_url = column.get_absolute_url()
    column.slug = "piece-renamed"
    column.save()
    for old in (first_url, second_url):
        assert client.get(old)["Location"] == column.get_absolute_url()


def test_moving_back_removes_the_redirect_that_would_hide_the_page(client):
    column = ColumnFactory(slug="a")
    url_a = column.get_absolute_url()
    column.slug = "b"
    column.save()
    column.slug = "a"
    column.save()
    assert client.get(url_a).status_code == 200
    assert not Redirect.objects.filter(old_path=url_a).exists()


def test_old_wordpress_query_addresses_redirect(client):
    Redirect.objects.add("/?p=12", "/2015/03/04/new/")
    response = client.get("/", {"p": "12"})
    assert response.status_code == 301
    assert response["Location"] == "/2015/03/04/new/"


def test_only_missing_pages_redirect(client):
    column = ColumnFactory()
    Redirect.objects.create(old_path=column.get_absolute_url(), new_path="/elsewhere/")
    Redirect.objects.create(old_path="/gone/", new_path="/elsewhere/")
    # A live page wins over a stale redirect, and a POST is never redirected.
    assert client.get(column.get_absolute_url()).status_code == 200
    assert client.get("/gone/").status_code == 301
    assert client.post("/gone/").status_code == 404


def test_editors_may_manage_redirects():
    perms = Group.objects.get(name="Editors").permissions.filter(
        content_type__app_label="redirects"
    )
    assert perms.count() == 4
