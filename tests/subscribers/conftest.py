import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _no_signups_counted_yet():
    # Each client's sign-ups are counted in the cache for an hour (subscribers/views.py), and
    # the tests all sign up from 127.0.0.1 at the same few frozen moments.
    cache.clear()
