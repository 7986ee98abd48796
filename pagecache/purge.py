"""
Invalidations sent on to the HTTP caches in front (Varnish, a CDN), as purges by key.

Pages that a shared cache may keep (`HTTP_CACHE_SECONDS` > 0) carry the keys of what they
show in `xkey` and `Surrogate-Key` headers (pagecache/middleware.py). When a change
invalidates keys in the page cache (pagecache/versions.py), each purger named in the
`PAGE_CACHE_PURGERS` setting is asked to drop the pages tagged with them. A purger is a class
with a `purge(keys)` method; a failing one is logged and never fails a save (the HTTP cache
then keeps its copies until their `s-maxage` runs out).
"""

import http.client
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger("pagecache")

# Every page carries this key; purging it drops everything (an import, a cache outage).
ALL_PAGES = "pagecache:all"
# Pages that did not say what they show carry this one, purged by any change.
ANY_CHANGE = "pagecache:any"


def header_keys(keys):
    """The keys a page is tagged with in its headers; `keys` None for a page whose view did
    not say what it shows."""
    return " ".join([ALL_PAGES, *(sorted(keys) if keys is not None else [ANY_CHANGE])])


def purgers():
    return [import_string(path)() for path in getattr(settings, "PAGE_CACHE_PURGERS", ())]


def purge(keys, everything=False):
    """Ask every configured HTTP cache to drop the pages tagged with `keys` (and those that
    any change invalidates), or every page."""
    keys = {ALL_PAGES} if everything else {*keys, ANY_CHANGE}
    for purger in purgers():
        try:
            purger.purge(sorted(keys))
        except Exception as error:  # a cache down or refusing: logged, the save stands
            log.warning("Purging %s failed (%s); its pages expire on their own.", purger, error)


def batches(keys, size=100):
    """Keys in groups small enough for one request header (Varnish takes 8 KB by default)."""
    for start in range(0, len(keys), size):
        yield keys[start : start + size]


class VarnishPurger:
    """Varnish with the xkey module (deploy/varnish/columnist.vcl): a `PURGE` request with
    an `xkey-purge` header naming the keys, to each address in `VARNISH_PURGE_URLS`."""

    timeout = 2.0

    def __init__(self):
        self.urls = list(settings.VARNISH_PURGE_URLS)

    def __str__(self):
        return f"Varnish at {', '.join(self.urls)}"

    def purge(self, keys):
        for url in self.urls:
            parts = urlsplit(url)
            for batch in batches(keys):
                connection = http.client.HTTPConnection(
                    parts.hostname, parts.port or 80, timeout=self.timeout
                )
                try:
                    connection.request(
                        "PURGE", parts.path or "/", headers={"xkey-purge": " ".join(batch)}
                    )
                    response = connection.getresponse()
                    response.read()
                    if response.status != 200:
                        raise RuntimeError(f"{url} answered {response.status} {response.reason}")
                finally:
                    connection.close()


class FastlyPurger:
    """A CDN's purge by key, as Fastly's API has it: `POST /service/<id>/purge` with the keys
    in a `Surrogate-Key` header (256 at most) and the API token in `Fastly-Key`. Settings:
    `FASTLY_SERVICE_ID`, `FASTLY_API_TOKEN` (and `FASTLY_API_URL`, for tests). Other CDNs'
    purge-by-tag APIs (Cloudflare's cache tags, Akamai's) take a class like this one."""

    timeout = 5.0

    def __init__(self):
        self.url = urlsplit(getattr(settings, "FASTLY_API_URL", "https://api.fastly.com"))
        self.service = settings.FASTLY_SERVICE_ID
        self.token = settings.FASTLY_API_TOKEN

    def __str__(self):
        return f"Fastly service {self.service}"

    def purge(self, keys):
        kind = (
            http.client.HTTPSConnection
            if self.url.scheme == "https"
            else http.client.HTTPConnection
        )
        for batch in batches(keys, size=256):
            connection = kind(self.url.hostname, self.url.port, timeout=self.timeout)
            try:
                connection.request(
                    "POST",
                    f"/service/{self.service}/purge",
                    headers={"Surrogate-Key": " ".join(batch), "Fastly-Key": self.token},
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise RuntimeError(f"the API answered {response.status} {response.reason}")
            finally:
                connection.close()
