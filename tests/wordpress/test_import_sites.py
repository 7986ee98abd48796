"""Posts are known by their WordPress site and id together: another site's export never
updates, redirects or deletes anything of the first site's."""

import pytest

from columns.models import Column
from redirects.models import Redirect
from tests.factories import ColumnFactory
from tests.wordpress.samples import export, item, run, write

pytestmark = pytest.mark.django_db


def other_site(text):
    return text.replace("https://old.example.org", "https://other.example.net")


def test_a_second_site_with_clashing_ids_and_slugs_takes_nothing_of_the_first(tmp_path, client):
    first = export(item(10, "First site's post", "Mine.", name="hello"))
    run(write(tmp_path, first))
    original = Column.objects.get()
    url = original.get_absolute_url()
    # The same id, slug and permalink path, on another site.
    second = other_site(export(item(10, "Second site's post", "Theirs.", name="hello")))
    output = run(write(tmp_path, second, name="second.xml"))

    assert Column.objects.count() == 2
    original.refresh_from_db()
    assert (original.title, original.wordpress_site) == (
        "First site's post",
        "https://old.example.org",
    )
    theirs = Column.objects.get(wordpress_site="https://other.example.net")
    assert theirs.title == "Second site's post" and theirs.get_absolute_url() != url
    for old in ("/?p=10", "/2020/hello/"):
        assert client.get(old).headers["Location"] == url
        assert Redirect.objects.get(old_path=old).new_path == url
    assert "Old addresses kept by another site's columns (2):" in output
    assert f"/?p=10 still leads to {url}, not to {theirs.get_absolute_url()}" in output

    # Importing the first site again changes nothing; a newer export of it still updates.
    assert "Nothing changed" in run(write(tmp_path, first))
    newer = export(item(10, "First site's post, revised", "Mine.", name="hello"))
    run(write(tmp_path, newer, name="newer.xml"))
    assert Column.objects.get(pk=original.pk).title == "First site's post, revised"
    assert Column.objects.get(pk=theirs.pk).title == "Second site's post"


def test_an_old_address_an_editor_pointed_at_another_column_is_kept(tmp_path):
    written_here = ColumnFactory().get_absolute_url()
    Redirect.objects.create(old_path="/2020/hello/", new_path=written_here)
    output = run(write(tmp_path, export(item(10, "Post", name="hello"))))
    assert Redirect.objects.get(old_path="/2020/hello/").new_path == written_here
    assert f"/2020/hello/ still leads to {written_here}" in output


def test_an_old_address_leading_nowhere_is_taken(tmp_path):
    Redirect.objects.create(old_path="/2020/hello/", new_path="/2019/01/01/gone/")
    run(write(tmp_path, export(item(10, "Post", name="hello"))))
    assert (
        Redirect.objects.get(old_path="/2020/hello/").new_path
        == Column.objects.get().get_absolute_url()
    )


def test_a_second_site_does_not_take_an_address_that_redirects_to_the_first_sites(tmp_path, client):
    run(write(tmp_path, export(item(10, "First", name="hello"))))
    column = Column.objects.get()
    old_url = column.get_absolute_url()
    column.slug = "hello-renamed"  # an editor renames it: the old address redirects
    column.save()
    second = other_site(export(item(99, "Second", name="hello")))
    run(write(tmp_path, second, name="second.xml"))
    theirs = Column.objects.get(wordpress_site="https://other.example.net")
    assert theirs.get_absolute_url() != old_url
    assert client.get(old_url).headers["Location"] == column.get_absolute_url()


def test_a_bare_guid_of_another_site_finds_nothing(tmp_path):
    def bare_guid(text, post_id):
        return text.replace(f"https://old.example.org/?p={post_id}</guid>", f"{post_id}</guid>")

    run(write(tmp_path, bare_guid(export(item(10, "First", name="a")), 10)))
    second = other_site(bare_guid(export(item(10, "Second", name="b")), 10))
    run(write(tmp_path, second, name="second.xml"))
    assert sorted(Column.objects.values_list("title", flat=True)) == ["First", "Second"]
