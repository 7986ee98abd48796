import pytest

from tests.e2e.conftest import find_chromium


def test_missing_chromium_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        find_chromium("/nonexistent/chromium")


def test_missing_chromium_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        find_chromium("/nonexistent/chromium")
