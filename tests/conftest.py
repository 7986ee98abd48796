import pytest
from django.contrib.auth.models import Group
from django.test import Client

from pagecache import memo
from tests.factories import UserFactory
from tests.outlet_server import outlet_site  # noqa: F401 (a fixture: a local site to fetch)
from tests.public_site import build_site


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pages are rendered fresh in tests (query counts); tests/pagecache turns the cache on.
    settings.PAGE_CACHE_SECONDS = 0
    settings.COUNT_CACHE_SECONDS = 0
    # tests/pagecache/test_fragments.py turns it on, with a cache emptied for each test.
    settings.FRAGMENT_CACHE_SECONDS = 0
    # What a process found current under a version: each test's versions start afresh.
    memo.clear()


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def press_assistant(db):
    user = UserFactory(username="press", is_staff=True)
    user.groups.add(Group.objects.get(name="Press assistants"))
    return user


@pytest.fixture
def editor_client(editor):
    """A logged-in editor; the `client` fixture stays an anonymous reader."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def press_client(press_assistant):
    client = Client()
    client.force_login(press_assistant)
    return client


@pytest.fixture
def public_site(db):
    """The small fixed site of tests/public_site.py: outlets, authors, columns, mentions, tags."""
    return build_site()


def _flushes_without_restoring(item):
    """A transactional test that empties the database after it without restoring the rows the
    migrations made: content types come back with new ids, which serialized rows then clash
    with (IntegrityError on django_content_type)."""
    marker = item.get_closest_marker("django_db")
    kwargs = marker.kwargs if marker else {}
    transactional = kwargs.get("transaction") or "transactional_db" in item.fixturenames
    return bool(transactional and not kwargs.get("serialized_rollback"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # After pytest-django's order (plain tests, then transactional ones), the transactional
    # tests that restore the database (serialized_rollback) run before those that don't.
    items.sort(key=_flushes_without_restoring)
