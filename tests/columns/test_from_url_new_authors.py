"""Add-from-URL writes nothing before the column is saved (issue 14, item 14): the authors the
editor ticks travel to the add form's "New authors" and are created with the column."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from columns.models import Author, Column
from tests.columns.test_admin import column_form_data
from tests.columns.test_from_url import ARTICLE, FROM_URL
from tests.columns.test_from_url import site as site  # the local web server, a fixture
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db
ADD = reverse("admin:columns_column_add")


def no_byline(**overrides):
    """The add form with an empty byline row, as the browser posts it when no author is known."""
    data = column_form_data(SimpleNamespace(pk=""), OutletFactory(), **overrides)
    data.update({"bylines-0-bio": "", "bylines-MIN_NUM_FORMS": "0"})
    return data


def test_a_byline_of_new_authors_only(editor_client, site):
    editor_client.post(FROM_URL, {"url": site("/a", ARTICLE)})
    ticked = {"confirm": "1", "create_author": ["Jane Roe", "John Doe"]}
    editor_client.post(FROM_URL, ticked)
    assert not Author.objects.exists()
    form = editor_client.get(ADD + "?from_url=1")
    assert form.context["adminform"].form.initial["new_authors"] == "Jane Roe\nJohn Doe"
    response = editor_client.post(ADD, no_byline(new_authors="Jane Roe\nJohn Doe"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    column = Column.objects.get()
    assert [b.author.name for b in column.ordered_bylines] == ["Jane Roe", "John Doe"]


def test_abandoning_the_form_writes_nothing(editor_client, site):
    editor_client.post(FROM_URL, {"url": site("/a", ARTICLE)})
    editor_client.post(FROM_URL, {"confirm": "1", "create_author": ["Jane Roe", "John Doe"]})
    editor_client.get(ADD + "?from_url=1")
    invalid = editor_client.post(ADD, no_byline(title="", new_authors="Jane Roe"))
    assert invalid.status_code == 200 and "New authors" in invalid.content.decode()
    assert not Author.objects.exists() and not Column.objects.exists()


def test_a_name_already_known_is_not_added_twice(editor_client):
    response = editor_client.post(ADD, no_byline(new_authors="  jane   roe \nJane Roe"))
    assert response.status_code == 302
    Author.objects.create(name="Ann Smith", slug="ann-smith")
    editor_client.post(
        ADD, no_byline(title="Another", slug="another", new_authors="ann smith\nJANE ROE")
    )
    assert sorted(Author.objects.values_list("name", flat=True)) == ["Ann Smith", "jane roe"]
    another = Column.objects.get(slug="another")
    assert [b.author.name for b in another.ordered_bylines] == ["Ann Smith", "jane roe"]


def test_an_ordinary_add_form_has_no_new_authors_box(editor_client):
    assert "New authors" not in editor_client.get(ADD).content.decode()


def test_without_the_add_author_permission_new_authors_are_refused(editor_client, editor):
    from django.contrib.auth.models import Permission

    editor.groups.clear()
    editor.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="columns", codename__in=["add_column", "view_column"]
        )
    )
    response = editor_client.post(ADD, no_byline(new_authors="John Doe"))
    assert response.status_code == 200
    assert "You may not add authors" in response.content.decode()
    assert not Author.objects.exists() and not Column.objects.exists()
