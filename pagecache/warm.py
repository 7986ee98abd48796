"""
Warm before readers come: after a change, the pages it invalidated that readers ask for most
are fetched again in the background, so the next reader gets a cached page.

Which pages: the changed row's own (`get_absolute_url()`), and those its model names in
`page_cache_warm_urls()` (a column's tags, outlet, authors and their feeds), then the
site-wide ones in `PAGE_CACHE_WARM_PATHS` (the home page, the site's feed). They are
fetched over HTTP from `PAGE_CACHE_WARM_URL` (the site's address as readers reach it, so an
HTTP cache in front is warmed too), one at a time, by one thread per process; nothing is
warmed when that setting is empty. A page that fails is skipped: warming is a favour.
`Fetcher` is the one HTTP client of the site's own pages; `manage.py warm_cache` uses it too.
"""

import http.client
import logging
import queue
import threading
from urllib.parse import urlsplit

from django.conf import settings

log = logging.getLogger("pagecache")


def urls_for(instance):
    """The paths of the pages worth warming after `instance` changed (without the site's)."""
    paths = []
    own = getattr(instance, "get_absolute_url", None)
    more = getattr(instance, "page_cache_warm_urls", None)
    try:
        if own:
            paths.append(own())
        if more:
            paths.extend(more())
    except Exception:  # a row without an address (deleted, half-made): nothing to warm
        return []
    return paths


USER_AGENT = "columnist-warmer"


class Fetcher:
    """GETs of pages of the site at `base`, over one kept-alive connection per thread; what
    both the warmer below and `manage.py warm_cache` fetch with. ValueError if `base` is not
    a web address (a port out of range or not a number, a broken IPv6 host)."""

    timeout = 10.0

    def __init__(self, base, timeout=None):
        try:
            url = urlsplit(base)
            port = url.port  # raises for a port out of range or not a number
        except ValueError:
            url = port = None
        if url is None or url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"Not a web address: {base[:200]!r} (say http://host:port).")
        self.kind = (
            http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        )
        self.host, self.port = url.hostname, port
        self.prefix = url.path.rstrip("/")
        self.timeout = timeout or self.timeout
        self.local = threading.local()
        self.opened = []  # every connection, to be closed at the end whatever thread made it

    def fetch(self, path):
        """The status of GET path, or the error when the site could not be reached."""
        for attempt in range(2):  # a kept-alive connection the server closed: once more
            connection = getattr(self.local, "connection", None)
            if connection is None:
                connection = self.local.connection = self.kind(
                    self.host, self.port, timeout=self.timeout
                )
                self.opened.append(connection)
            try:
                connection.request("GET", self.prefix + path, headers={"User-Agent": USER_AGENT})
                response = connection.getresponse()
                response.read()
                if response.will_close:
                    self.close()
                return response.status
            except (OSError, http.client.HTTPException) as error:
                self.close()
                if attempt:
                    return error

    def close(self):
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            connection.close()
        self.local.connection = None

    def close_all(self):
        for connection in self.opened:
            connection.close()


class Warmer:
    """One background thread fetching the queued paths, each once per batch."""

    def __init__(self):
        self.queue = queue.Queue()
        self.thread = None
        self.lock = threading.Lock()

    def warm(self, paths):
        base = getattr(settings, "PAGE_CACHE_WARM_URL", "")
        if not base:
            return
        site_wide = getattr(settings, "PAGE_CACHE_WARM_PATHS", ())
        paths = list(dict.fromkeys([*paths, *site_wide]))  # in order, each once
        self.queue.put((base, paths))
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="pagecache-warm", daemon=True)
                self.thread.start()

    def run(self):
        while True:
            try:
                base, paths = self.queue.get(timeout=30)
            except queue.Empty:
                return
            try:
                self.fetch(base, *paths)
            finally:
                self.queue.task_done()

    def fetch(self, base, *paths):
        """Fetch `paths` from `base`, one at a time; a page that fails is logged and skipped
        (a wrong PAGE_CACHE_WARM_URL too: the thread goes on)."""
        try:
            fetcher = Fetcher(base)
        except ValueError as error:
            for path in paths:
                log.info("Warming %s failed (%s).", path, error)
            return
        try:
            for path in paths:
                status = fetcher.fetch(path)
                if not isinstance(status, int):
                    log.info("Warming %s failed (%s).", path, status)
        finally:
            fetcher.close_all()

    def wait(self):
        """Until everything queued is fetched (for tests and benchmarks)."""
        self.queue.join()


warmer = Warmer()
