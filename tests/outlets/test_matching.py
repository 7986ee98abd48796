"""Matching outlet names: the site's outlets first, then the catalogue, never a guess between
two; the press form, the importer and `seed_outlets` (issue 12; issue 14, item 3)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mentions.models import Mention
from outlets.catalogue import known_outlets
from outlets.models import Outlet, OutletAlias
from tests.factories import OutletFactory
from tests.wordpress.samples import STRUCTURED, export, item, run, write

pytestmark = pytest.mark.django_db

LOG_URL = reverse("admin:mentions_mention_log")


def log(client, names, **fields):
    data = {
        "new_outlets": names,
        "new_outlet_kind": "newspaper",
        "topic": "the summit",
        "date": timezone.localdate().isoformat(),
        "kind": "interview",
        "status": "published",
    }
    return client.post(LOG_URL, data | fields)


class TestPressForm:
    def test_a_catalogue_name_adds_the_catalogues_outlet_once(self, press_client):
        response = log(press_client, "Agence France Presse, AFP\nRadio France International")
        assert response.status_code == 302
        afp = Outlet.objects.get(name="Agence France-Presse")
        assert (afp.kind, afp.country, afp.homepage) == (
            "news_agency",
            "FR",
            "https://www.afp.com/",
        )
        assert set(afp.aliases.values_list("name", flat=True)) == {"AFP"}
        rfi = Outlet.objects.get(name="Radio France Internationale")
        assert {m.outlet for m in Mention.objects.all()} == {afp, rfi}
        log(press_client, "A.F.P.", topic="the next summit")
        assert Outlet.objects.count() == 2 and Mention.objects.count() == 3

    def test_the_sites_outlet_wins_and_is_never_overwritten(self, press_client):
        mine = OutletFactory(name="Reuters Wire", kind="website", country="")
        OutletAlias.objects.create(outlet=mine, name="Thomson Reuters")
        # "Reuters" is not the site's spelling, but the catalogue says it is Thomson Reuters.
        assert log(press_client, "Reuters").status_code == 302
        assert Mention.objects.get().outlet == mine
        mine.refresh_from_db()
        assert (mine.name, mine.kind, mine.country) == ("Reuters Wire", "website", "")
        assert Outlet.objects.count() == 1

    def test_an_ambiguous_name_attaches_nothing_and_says_so(self, press_client):
        OutletFactory(name="AFP")
        OutletFactory(name="French wire", homepage="https://www.afp.com/")
        response = log(press_client, "Agence France Presse")
        assert response.status_code == 200
        assert "could be AFP and French wire" in response.content.decode()
        assert not Mention.objects.exists() and Outlet.objects.count() == 2

    def test_an_unknown_name_is_a_new_outlet_of_the_kind_chosen(self, press_client):
        log(press_client, "The Daily Nowhere", new_outlet_kind="magazine")
        outlet = Outlet.objects.get()
        assert (outlet.name, outlet.kind, outlet.country) == ("The Daily Nowhere", "magazine", "")


class TestImporter:
    def test_mentions_find_catalogue_outlets_and_ambiguous_ones_are_reported(self, tmp_path):
        OutletFactory(name="BBC Wire")
        OutletFactory(name="Beeb", homepage="https://www.bbc.co.uk/")
        OutletAlias.objects.create(outlet=Outlet.objects.get(name="BBC Wire"), name="BBC News")
        text = STRUCTURED.replace("the BBC and Sky News", "AFP and the BBC")
        output = run(write(tmp_path, export(item(1, "Beijing lends less", text))))
        afp = Outlet.objects.get(name="Agence France-Presse")
        assert afp.country == "FR" and Outlet.objects.match("Agence France Presse") == afp
        le_monde = Outlet.objects.get(name="Le Monde")
        assert (le_monde.kind, le_monde.country) == ("newspaper", "FR")
        mentions = {(m.outlet, m.topic) for m in Mention.objects.all()}
        assert mentions == {(afp, "the election"), (le_monde, "energy prices")}
        assert "Not attached: “BBC” could be BBC Wire or Beeb" in output


class TestSeedOutlets:
    def test_adds_the_catalogue_once_and_never_changes_the_sites_outlets(self):
        mine = OutletFactory(name="The Economist", kind="website", description="Ours.")
        out = StringIO()
        call_command("seed_outlets", stdout=out)
        entries = len(known_outlets())
        assert f"Added {entries - 1} outlets from the catalogue; 1 were here already." in (
            out.getvalue()
        )
        assert Outlet.objects.count() == entries
        mine.refresh_from_db()
        assert (mine.kind, mine.description) == ("website", "Ours.")
        assert Outlet.objects.match("RFI").country == "FR"
        out = StringIO()
        call_command("seed_outlets", stdout=out)
        assert f"Added 0 outlets from the catalogue; {entries} were here already." in out.getvalue()

    def test_dry_run_adds_nothing(self):
        out = StringIO()
        call_command("seed_outlets", "--dry-run", stdout=out)
        assert "Would add" in out.getvalue() and not Outlet.objects.exists()


class TestPublicPages:
    def test_an_outlet_without_public_content_has_no_page_or_feed(self, client):
        from tests.factories import ColumnFactory

        seeded = OutletFactory(name="Seeded Only", slug="seeded")
        ColumnFactory(outlet=OutletFactory(name="Drafts Only", slug="drafts"), status="draft")
        for slug in ["seeded", "drafts"]:
            for path in [f"/outlet/{slug}/", f"/outlet/{slug}/feed/", f"/outlet/{slug}/feed/rss/"]:
                assert client.get(path).status_code == 404, path
        assert "Seeded Only" not in client.get("/outlets/").content.decode()
        ColumnFactory(outlet=seeded)
        assert client.get("/outlet/seeded/").status_code == 200
        assert client.get("/outlet/seeded/feed/").status_code == 200
