"""Outlets written before the keys existed get theirs when migrating (outlets 0002), clashes
settled in a stated order; press assistants lose alias adding (outlets 0003)."""

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group

from outlets.models import Outlet, OutletKey
from tests.test_migrations import BEFORE_RESHAPE, migrate_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def old_models():
    executor = migrate_to(BEFORE_RESHAPE)
    yield executor.loader.project_state(BEFORE_RESHAPE).apps.get_model
    migrate_to(None)


def test_existing_outlets_get_their_keys_names_before_aliases(old_models, admin_client):
    outlet = old_models("outlets", "Outlet").objects.create
    alias = old_models("outlets", "OutletAlias").objects.create
    times = outlet(name="The Times", slug="times", homepage="https://www.thetimes.test/")
    alias(outlet=times, name="Sunday Times")
    sunday = outlet(name="The Sunday Times", slug="sunday-times", short_name="ST")
    copy = outlet(name="Times (copy)", slug="copy", homepage="https://thetimes.test/news")
    # The groups and permissions come from migrations, which an earlier transactional test
    # may have emptied: make the press assistants' group as it was.
    create_permissions(apps.get_app_config("outlets"), verbosity=0)
    press, _ = old_models("auth", "Group").objects.get_or_create(name="Press assistants")
    press.permissions.add(
        *old_models("auth", "Permission").objects.filter(
            content_type__app_label="outlets", codename__in=["add_outlet", "add_outletalias"]
        )
    )

    migrate_to(None)

    # "The Sunday Times" is an alias of one outlet and the name of another: the name wins.
    assert Outlet.objects.match("Sunday Times").pk == sunday.pk
    assert Outlet.objects.match("times").pk == times.pk
    assert OutletKey.objects.get(kind="domain", key="thetimes.test").outlet_id == times.pk
    assert not OutletKey.objects.filter(outlet_id=copy.pk, kind="domain").exists()
    # The outlet left without its site is told why when an editor opens and saves it.
    url = f"/admin/outlets/outlet/{copy.pk}/change/"
    page = admin_client.get(url)
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "logo"}
    data |= {"aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0"}
    response = admin_client.post(url, data)
    assert "already has a homepage on thetimes.test" in response.content.decode()

    press = Group.objects.get(name="Press assistants")
    assert not press.permissions.filter(codename="add_outletalias").exists()
    assert press.permissions.filter(codename="add_outlet").exists()
