import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from lxml import etree
from taggit.models import Tag

from columns.models import Author, Byline, Column
from demo.management.commands import load_demo
from mentions.models import Mention
from outlets.models import Outlet, OutletAlias
from tests.wordpress.test_export_wxr import site_state, wipe

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC)
SITE_URL = "https://maya-okafor.example"  # the demo file's own address (demo/README.md)
WP = {"wp": "http://wordpress.org/export/1.2/"}


def counts():
    models = (Outlet, OutletAlias, Author, Column, Byline, Mention, Tag)
    return {model.__name__: model.objects.count() for model in models}


def in_the_file(xpath):
    return int(etree.parse(load_demo.DEMO_FILE).xpath(f"count({xpath})", namespaces=WP))


def test_demo_content_loads_and_loading_again_duplicates_nothing(capsys):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    columns = in_the_file("//item[wp:post_type='post']")
    assert first["Column"] == columns >= 30
    assert first["Mention"] == in_the_file("//item[wp:post_type='columnist_mention']") >= 15
    assert first["Outlet"] == in_the_file("//*[local-name()='outlet']") >= 10
    assert first["OutletAlias"] >= first["Outlet"]
    assert first["Author"] == in_the_file("//wp:author") == 3
    assert Byline.objects.count() > first["Column"]  # some columns have co-authors
    assert Column.objects.published().count() == columns - 2
    assert Column.objects.filter(status="draft").count() == 1
    assert sum(c.is_scheduled for c in Column.objects.all()) == 1
    assert "Demo site ready: 12 outlets, 3 authors, 30 columns, 26 mentions." in (
        capsys.readouterr().out
    )


def test_the_scheduled_column_goes_up_a_week_after_each_load():
    with time_machine.travel(NOW, tick=False):
        call_command("load_demo", stdout=StringIO())
    scheduled = Column.objects.get(status="published", posted_at__gt=NOW)
    assert scheduled.posted_at == NOW + datetime.timedelta(days=7)
    later = NOW + datetime.timedelta(days=30)
    with time_machine.travel(later, tick=False):
        call_command("load_demo", stdout=StringIO())
        assert [c.pk for c in Column.objects.all() if c.is_scheduled] == [scheduled.pk]
    scheduled.refresh_from_db()
    assert scheduled.posted_at == later + datetime.timedelta(days=7)


def test_the_demo_home_page_shows_columns_mentions_and_outlets(client):
    call_command("load_demo", stdout=StringIO())
    page = client.get("/").content.decode()
    assert page.count('<article class="card">') == 10
    latest = Column.objects.published().order_by("-date").first()
    assert latest.title in page
    assert 'class="mentions compact"' in page
    assert '<ul class="outlet-strip"><li><a href="/outlet/' in page


def test_demo_bios_change_over_the_years():
    call_command("load_demo")
    owner = Author.objects.get(is_owner=True)
    bios = {b.bio for b in Byline.objects.filter(author=owner)}
    assert len(bios) >= 2


def test_loading_over_a_demo_loaded_before_the_file_duplicates_nothing():
    call_command("load_demo", stdout=StringIO())
    slugs = sorted(Column.objects.values_list("slug", flat=True))
    first = counts()
    # What load_demo wrote when the demo was Python data: columns with no import origin.
    Column.objects.update(
        wordpress_site="", wordpress_id=None, wordpress_guid="", wordpress_hash=""
    )
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
    assert sorted(Column.objects.values_list("slug", flat=True)) == slugs


def test_the_file_regenerated_as_its_readme_says_loads_the_same_site(tmp_path, monkeypatch):
    with time_machine.travel(NOW, tick=False):
        call_command("load_demo", stdout=StringIO())
        before, first = site_state(), counts()
        path = tmp_path / "demo.wxr.xml"
        call_command("export_wxr", str(path), "--site-url", SITE_URL, stdout=StringIO())
        monkeypatch.setattr(load_demo, "DEMO_FILE", path)
        # A site loaded from the file before it was regenerated: nothing is added.
        out = StringIO()
        call_command("load_demo", "--verbosity", "2", stdout=out)
        assert counts() == first
        assert "Columns: 0 created" in out.getvalue()
        wipe()
        call_command("load_demo", stdout=StringIO())
        assert site_state() == before


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
