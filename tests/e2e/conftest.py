import os
import shutil
import threading

import pytest
from django.db.backends.signals import connection_created

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def find_chromium(path=CHROMIUM):
    """Debian's chromium; CI (CI=true) fails without it instead of skipping."""
    found = shutil.which(path)
    if found:
        return found
    message = f"Chromium not found at {path}: apt-get install -y chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path():
    return find_chromium()


@pytest.fixture
def browser(chromium_path, monkeypatch):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("Playwright is not installed: pip install '.[dev]'")
        pytest.skip("Playwright is not installed")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # The test body runs in a greenlet with its own context, hence its own database
    # connection: close those at the end, or PostgreSQL cannot drop the test database.
    main_thread, opened = threading.get_ident(), []

    def remember(sender, connection, **kwargs):
        if threading.get_ident() == main_thread:
            opened.append(connection)

    connection_created.connect(remember)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            browser.new_page = _with_timeout(browser.new_page)
            yield browser
            browser.close()
    finally:
        connection_created.disconnect(remember)
        for connection in opened:
            connection.close()


def _with_timeout(new_page):
    def wrapped(*args, **kwargs):
        page = new_page(*args, **kwargs)
        page.set_default_timeout(10_000)
        return page

    return wrapped
