"""
Warm before readers come: after a change, the pages it invalidated that readers ask for most
are fetched again in the background, so the next reader gets a cached page.

Which pages: the changed row's own (`get_absolute_url()`), and those its model names in
`page_cache_warm_urls()` (a column's tags, outlet, authors and their feeds), then the
site-wide ones in `PAGE_CACHE_WARM_PATHS` (the home page, the site's feed). They are
fetched over HTTP from `PAGE_CACHE_WARM_URL` (the site's address as readers reach it, so an
HTTP cache in front is warmed too), one at a time, by one thread per process; nothing is
warmed when that setting is empty. A page that fails is skipped: warming is a favour.
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


class Warmer:
    """One background thread fetching the queued paths, each once per batch."""

    timeout = 10.0

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
                for path in paths:
                    self.fetch(base, path)
            finally:
                self.queue.task_done()

    def fetch(self, base, path):
        connection = None
        try:  # a PAGE_CACHE_WARM_URL with a port out of range fails here, not the thread
            url = urlsplit(base)
            kind = (
                http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
            )
            connection = kind(url.hostname, url.port, timeout=self.timeout)
            connection.request("GET", path, headers={"User-Agent": "columnist-warmer"})
            connection.getresponse().read()
        except Exception as error:
            log.info("Warming %s failed (%s).", path, error)
        finally:
            if connection is not None:
                connection.close()

    def wait(self):
        """Until everything queued is fetched (for tests and benchmarks)."""
        self.queue.join()


warmer = Warmer()
