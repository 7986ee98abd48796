"""Old paths saved before they were normalised are rewritten by the migration that starts
normalising them (rows without a leading slash could never match a request)."""

import pytest

from redirects.models import Redirect
from tests.test_migrations import migrate_to

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("redirects", "0002_editor_permissions")]


def test_old_paths_without_a_leading_slash_are_fixed():
    executor = migrate_to(BEFORE)
    try:
        OldRedirect = executor.loader.project_state(BEFORE).apps.get_model("redirects", "Redirect")
        for old, new in [("r1/", "/a/"), (" /r2/ ", "/b/"), ("r3/", "/c/"), ("/r3/", "/d/")]:
            OldRedirect.objects.create(old_path=old, new_path=new)
    finally:
        migrate_to(None)
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
        "/r1/": "/a/",
        "/r2/": "/b/",
        "/r3/": "/d/",
    }
