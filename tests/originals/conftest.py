import pytest

from tests.outlet_server import outlet_site  # noqa: F401 (a fixture)


@pytest.fixture(autouse=True)
def no_delay(settings):
    settings.ORIGINALS_HOST_DELAY = 0
