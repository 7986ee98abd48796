"""The one guard on POSTs to a change list (core/admin.py), on every ModelAdmin of ours."""

import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import reverse

from columns.models import Column
from core.admin import ModelAdmin
from mentions.models import Mention
from outlets.models import Outlet
from tests.factories import ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db


def our_model_admins():
    """(model, its ModelAdmin) for every model registered by an app of this project."""
    ours = {
        config.name
        for config in apps.get_app_configs()
        if not Path(config.path).is_relative_to(sys.prefix)  # not an installed package
    }
    return [
        (model, admin.site.get_model_admin(model))
        for model in apps.get_models()
        if admin.site.is_registered(model)
        and type(admin.site.get_model_admin(model)).__module__.split(".")[0] in ours
    ]


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


OUR_MODELS = [model for model, _ in our_model_admins()]


def test_every_model_admin_of_ours_has_the_guard():
    assert {Column, Outlet, Mention} <= set(OUR_MODELS)  # the search above finds them
    for model, model_admin in our_model_admins():
        assert isinstance(model_admin, ModelAdmin), model


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda model: model._meta.label)
def test_an_action_not_offered_is_refused(press_client, model):
    # Press assistants may not delete anything, though they change their own mentions.
    response = press_client.post(
        changelist(model), {"action": "delete_selected", "_selected_action": ["1"], "index": 0}
    )
    assert response.status_code == 403


def test_list_edits_and_posts_without_an_action_need_a_permission(press_client):
    mine = OutletFactory()
    assert press_client.post(changelist(Mention), {"action": "", "index": 0}).status_code == 200
    assert press_client.post(changelist(Outlet), {"action": "", "index": 0}).status_code == 403
    assert press_client.post(changelist(Outlet), {"_save": "Save"}).status_code == 403
    assert press_client.post(changelist(Outlet), {}).status_code == 403
    assert Outlet.objects.filter(pk=mine.pk).exists()


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("value", ["abc", "", "1.5", "9" * 30])
def test_a_selection_that_is_not_ids_gets_a_message(admin_client, admin_user, rf, model, value):
    request = rf.get("/")
    request.user = admin_user
    action = next(iter(admin.site.get_model_admin(model).get_actions(request)))
    response = admin_client.post(
        changelist(model), {"action": action, "_selected_action": [value], "index": 0}
    )
    assert response.status_code == 302 and response["Location"] == changelist(model)
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown == [
        f"The selection holds ids that are not {model._meta.verbose_name_plural}: "
        "nothing was changed."
    ]


def test_nothing_is_changed_when_one_selected_id_is_not_an_id(editor_client):
    column = ColumnFactory(status=Column.Status.DRAFT)
    outlet = OutletFactory()
    editor_client.post(
        changelist(Column), {"action": "publish", "_selected_action": [column.pk, "abc"]}
    )
    editor_client.post(
        changelist(Outlet),
        {"action": "delete_selected", "_selected_action": [outlet.pk, "x"], "post": "yes"},
    )
    column.refresh_from_db()
    assert column.status == Column.Status.DRAFT
    assert Outlet.objects.filter(pk=outlet.pk).exists()


def test_the_editors_actions_still_work(editor_client):
    outlets = [OutletFactory(), OutletFactory()]
    response = editor_client.post(
        changelist(Outlet),
        {"action": "delete_selected", "_selected_action": [o.pk for o in outlets], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Outlet.objects.exists()


def every_model_admin():
    """Every registered model, installed packages' (auth, Axes) included."""
    return [model for model in apps.get_models() if admin.site.is_registered(model)]


def first_field(model, *types):
    return next((f.name for f in model._meta.concrete_fields if isinstance(f, types)), None)


@pytest.mark.parametrize("model", every_model_admin(), ids=lambda model: model._meta.label)
def test_every_change_list_answers_hostile_filters_with_its_notice(admin_client, model):
    """Lookups Django lets through on a model's own fields but the database refuses when the
    list is read: the list's "?e=1" notice, on every admin, not only ours."""
    from django.db import models

    text = first_field(model, models.CharField, models.TextField)
    when = first_field(model, models.DateTimeField, models.DateField)
    hostile = [f"{text}__regex=(", f"{text}__iregex=[", f"{text}__regex=(a%2B)%2B$"] * bool(text)
    hostile += [f"{when}__year=99999999999999999999"] * bool(when)
    assert hostile, model
    for query in hostile:
        response = admin_client.get(f"{changelist(model)}?{query}")
        assert response.status_code == 302, query
        assert response["Location"] == f"{changelist(model)}?e=1", query
    # Refused by SQLite when the list is counted (no integer past 64 bits); PostgreSQL finds none.
    response = admin_client.get(f"{changelist(model)}?pk__in=1,99999999999999999999")
    assert response.status_code == 200 or response["Location"] == f"{changelist(model)}?e=1"


@pytest.mark.parametrize("model", [Column, Mention], ids=lambda model: model._meta.label)
def test_a_search_vector_filter_is_the_notice(admin_client, model):
    """SQLite has no `@@`: filtering by a search vector failed there when the list was read."""
    response = admin_client.get(f"{changelist(model)}?search_vector=%3A")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == f"{changelist(model)}?e=1"


def test_installed_packages_admins_keep_their_own_look(admin_client):
    from django.contrib.auth.admin import UserAdmin
    from django.contrib.auth.models import User

    assert isinstance(admin.site.get_model_admin(User), UserAdmin)
    response = admin_client.get(changelist(User), {"q": "admin"})
    assert response.status_code == 200 and response.context["cl"].result_count == 1


def many_to_many_fields():
    """(model, field name) of every editable many-to-many field of a registered model."""
    return [
        (model, field.name)
        for model in every_model_admin()
        for field in model._meta.many_to_many
        if field.remote_field.through._meta.auto_created and field.editable
    ]


M2M_FIELDS = many_to_many_fields()


@pytest.mark.parametrize(
    ("model", "field"), M2M_FIELDS, ids=[f"{m._meta.label}.{f}" for m, f in M2M_FIELDS]
)
def test_every_many_to_many_field_refuses_an_id_past_the_databases_integers(
    admin_client, admin_user, model, field
):
    """SQLite cannot take an integer past 64 bits: Django's query for such a choice was a 500."""
    names = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    address = reverse(f"{names}_add")
    if field not in admin_client.get(address).context["adminform"].form.fields:
        # Django's user admin asks for a name and a password first; groups come after.
        address = reverse(f"{names}_change", args=[model.objects.first().pk])
    response = admin_client.post(address, {field: ["99999999999999999999"]})
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors


def test_every_inline_has_the_form_guards(admin_user, rf):
    """An inline's autocomplete (a byline's author) shows a value sent back as the others do."""
    from core.admin import FormGuards

    request = rf.get("/")
    request.user = admin_user
    inlines = [
        inline
        for model in every_model_admin()
        for inline in admin.site.get_model_admin(model).get_inline_instances(request)
    ]
    assert inlines  # bylines, outlets' and tags' aliases, originals' checks
    for inline in inlines:
        assert isinstance(inline, FormGuards), inline
