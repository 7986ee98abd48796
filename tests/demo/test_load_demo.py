import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from columns.models import Author, Byline, Column
from demo import data as demo_data
from mentions.models import Mention
from outlets.models import Outlet

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Outlet, Author, Column, Byline, Mention)]


def test_demo_content_loads_and_loading_again_duplicates_nothing(capsys):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first[2] == len(demo_data.COLUMNS) >= 30
    assert Column.objects.published().count() == len(demo_data.COLUMNS) - 2
    assert Column.objects.filter(status="draft").count() == 1
    assert sum(c.is_scheduled for c in Column.objects.all()) == 1
    assert Mention.objects.count() >= 15
    assert "Demo site ready" in capsys.readouterr().out


def test_demo_bios_change_over_the_years():
    call_command("load_demo")
    owner = Author.objects.get(is_owner=True)
    bios = {b.bio for b in Byline.objects.filter(author=owner)}
    assert len(bios) >= 2


def test_local_admin_prints_working_credentials(client, settings, capsys):
    settings.DEBUG = True
    call_command("local_admin")
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if ": admin / " in line)
    password = line.split(" / ")[1]
    assert client.login(username="admin", password=password)
    assert (
        get_user_model()
        .objects.get(username="press")
        .groups.filter(name="Press assistants")
        .exists()
    )


def test_local_admin_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("local_admin")
    assert not get_user_model().objects.exists()
