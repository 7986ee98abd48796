"""The outlet admin: what an editor and a press assistant may set, the logo's checks, and the
uniqueness of names, aliases and sites (issue 14, items 2 and 3)."""

import io

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outlets.models import Outlet, OutletAlias
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:outlets_outlet_add")


def png(width=300, height=100):
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (width, height), (0, 80, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def outlet_data(name="The Example Gazette", aliases=(), **fields):
    data = {
        "name": name,
        "short_name": "",
        "slug": fields.pop("slug", "example-gazette"),
        "kind": "newspaper",
        "homepage": "",
        "country": "",
        "description": "",
        "timezone": "",
        "aliases-TOTAL_FORMS": str(len(aliases)),
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for i, alias in enumerate(aliases):
        data[f"aliases-{i}-name"] = alias
    return data | fields


def errors(response):
    assert response.status_code == 200, "the form was accepted"
    form = response.context["adminform"].form
    inline_errors = [e for formset in response.context["inline_admin_formsets"]
                     for e in formset.formset.errors]  # fmt: skip
    return str(form.errors) + str(inline_errors)


class TestEditors:
    def test_an_editor_adds_an_outlet_with_logo_country_aliases_and_homepage(self, editor_client):
        response = editor_client.post(
            ADD_URL,
            outlet_data(
                aliases=["Gazette of Example"],
                homepage="https://www.example-gazette.test/",
                country="GB",
                logo=png(),
            ),
        )
        assert response.status_code == 302
        outlet = Outlet.objects.get()
        assert outlet.logo and outlet.country == "GB"
        assert Outlet.objects.match("gazette of example") == outlet
        assert list(Outlet.objects.on_domain("news.example-gazette.test")) == [outlet]

    @pytest.mark.parametrize(
        ("setting", "value", "upload", "message"),
        [
            ("IMAGE_UPLOAD_MAX_BYTES", 100, png(), "images may be at most 100"),
            ("IMAGE_UPLOAD_MAX_PIXELS", 10_000, png(300, 100), "300 by 100 pixels, too large"),
            (None, None, SimpleUploadedFile("logo.png", b"GIF89a" + b"\0" * 80), "not an image"),
        ],
    )
    def test_a_logo_gets_the_image_librarys_checks(
        self, editor_client, settings, setting, value, upload, message
    ):
        if setting:
            setattr(settings, setting, value)
        upload.seek(0)
        response = editor_client.post(ADD_URL, outlet_data(logo=upload))
        assert message in errors(response)
        assert not Outlet.objects.exists()

    def test_a_country_is_a_two_letter_code(self, editor_client):
        response = editor_client.post(ADD_URL, outlet_data(country="uk"))
        assert "two-letter ISO 3166 country code" in errors(response)


class TestPressAssistants:
    def test_they_add_outlets_without_logo_homepage_or_aliases(self, press_client):
        page = press_client.get(ADD_URL).content.decode()
        assert 'name="name"' in page
        assert 'name="logo"' not in page and 'name="homepage"' not in page
        assert 'name="aliases-0-name"' not in page  # the alias inline offers no row to fill
        response = press_client.post(
            ADD_URL,
            outlet_data(
                aliases=["Reuters"], homepage="https://www.reuters.com/", logo=png(15000, 10)
            ),
        )
        assert response.status_code == 302
        outlet = Outlet.objects.get()
        assert (outlet.homepage, outlet.logo.name) == ("", "")
        assert not OutletAlias.objects.exists()
        assert Outlet.objects.match("Reuters") is None


class TestNoTakeover:
    """Names, short names, aliases and homepage domains belong to one outlet each, compared
    without case, accents, punctuation or a leading "the"."""

    def test_another_outlets_name_or_alias_is_refused(self, editor_client):
        reuters = OutletFactory(name="Reuters", homepage="https://www.reuters.com/")
        OutletAlias.objects.create(outlet=reuters, name="Thomson Reuters")
        sz = OutletFactory(name="Süddeutsche Zeitung")
        for name, aliases, clash in [
            ("AAA Hijack", ["REUTERS"], "“REUTERS” already names Reuters"),
            ("AAA Hijack", ["thomson-reuters"], "already names Reuters"),
            ("Suddeutsche Zeitung", [], f"already names {sz.name}"),
            ("The Reuters", [], "already names Reuters"),
        ]:
            response = editor_client.post(ADD_URL, outlet_data(name, aliases))
            assert clash in errors(response), name
        response = editor_client.post(ADD_URL, outlet_data(short_name="reuters"))
        assert "already names Reuters" in errors(response)
        assert Outlet.objects.count() == 2

    def test_another_outlets_site_or_a_site_inside_it_is_refused(self, editor_client):
        OutletFactory(name="Reuters", homepage="https://www.reuters.com/")
        for homepage in [
            "http://reuters.com/world/",
            "https://WWW.Reuters.com",
            "https://uk.reuters.com/",
        ]:
            response = editor_client.post(ADD_URL, outlet_data(homepage=homepage))
            assert "Reuters already has a homepage on reuters.com" in errors(response), homepage
        assert Outlet.objects.count() == 1

    def test_the_database_refuses_a_shared_spelling_and_matching_never_guesses(self):
        from django.db import IntegrityError, transaction

        from outlets.models import OutletKey

        reuters = OutletFactory(name="Reuters")
        hijack = OutletFactory(name="AAA Hijack")
        with pytest.raises(IntegrityError), transaction.atomic():
            OutletKey.objects.create(outlet=hijack, kind="spelling", key="reuters")
        # Saved around the forms (an import, a merge): the spelling stays with its outlet.
        OutletAlias.objects.create(outlet=hijack, name="Reuters")
        assert Outlet.objects.match("reuters") == reuters

    def test_a_deleted_alias_frees_its_spelling(self, editor_client):
        afp = OutletFactory(name="Agence France-Presse")
        alias = OutletAlias.objects.create(outlet=afp, name="AFP")
        assert Outlet.objects.match("afp") == afp
        alias.delete()
        assert Outlet.objects.match("afp") is None
        other = OutletFactory(name="AFP")
        assert Outlet.objects.match("A.F.P.") == other

    def test_renaming_moves_the_spelling(self):
        outlet = OutletFactory(name="The Daily Old")
        outlet.name = "The Daily New"
        outlet.save()
        assert Outlet.objects.match("Daily Old") is None
        assert Outlet.objects.match("daily new") == outlet
