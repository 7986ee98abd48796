import pytest


@pytest.fixture(autouse=True)
def no_delay(settings):
    settings.ORIGINALS_HOST_DELAY = 0
