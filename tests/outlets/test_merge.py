import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from outlets.models import Outlet, OutletAlias
from tests.factories import ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:outlets_outlet_changelist")


def merge(client, outlets, into):
    selected = {"action": "merge_selected", "_selected_action": [o.pk for o in outlets]}
    return client.post(CHANGELIST, selected | {"apply": "Merge", "into": into.pk})


def test_merge_two_spellings_of_one_outlet(editor_client, client):
    scmp = OutletFactory(name="South China Morning Post", slug="scmp", short_name="SCMP")
    typo = OutletFactory(name="South China Morning-Post", slug="south-china-morning-post-2")
    OutletAlias.objects.create(outlet=typo, name="S.C.M.P. Online")
    column = ColumnFactory(outlet=typo)
    mention = MentionFactory(outlet=typo)
    kept = ColumnFactory(outlet=scmp)

    confirm = editor_client.post(
        CHANGELIST, {"action": "merge_selected", "_selected_action": [scmp.pk, typo.pk]}
    )
    assert "Keep this outlet" in confirm.content.decode()
    assert Outlet.objects.count() == 2

    response = merge(editor_client, [scmp, typo], into=scmp)
    assert response.status_code == 302
    assert list(Outlet.objects.all()) == [scmp]
    for obj in [column, mention, kept]:
        obj.refresh_from_db()
        assert obj.outlet == scmp
    assert Outlet.objects.match("South China Morning-Post") == scmp
    assert Outlet.objects.match("S.C.M.P. Online") == scmp
    old = client.get("/outlet/south-china-morning-post-2/")
    assert (old.status_code, old["Location"]) == (301, "/outlet/scmp/")
    entry = LogEntry.objects.get(object_id=str(scmp.pk))
    assert "Merged South China Morning-Post into this outlet" in entry.get_change_message()
    listing = editor_client.get(response.url).content.decode()
    assert "(1 outlet alias, 1 column, 1 mention moved)" in listing


def test_merge_moves_a_column_to_its_new_calendar_day(editor_client, client):
    """A column dated by its outlet's stamp is re-dated in the kept outlet's zone."""
    utc = OutletFactory(name="Example Times", slug="example-times", timezone="UTC")
    hong_kong = OutletFactory(name="Example Times HK", slug="example-hk", timezone="Asia/Hong_Kong")
    column = ColumnFactory(
        outlet=utc,
        slug="piece",
        outlet_published_at=datetime.datetime(2021, 6, 14, 23, 5, tzinfo=datetime.UTC),
    )
    assert column.get_absolute_url() == "/2021/06/14/piece/"
    merge(editor_client, [utc, hong_kong], into=hong_kong)
    column.refresh_from_db()
    assert column.get_absolute_url() == "/2021/06/15/piece/"
    assert client.get("/2021/06/14/piece/")["Location"] == "/2021/06/15/piece/"


def test_press_assistants_cannot_merge(press_client):
    a, b = OutletFactory(), OutletFactory()
    assert merge(press_client, [a, b], into=a).status_code == 403
    assert Outlet.objects.count() == 2
