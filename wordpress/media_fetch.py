"""Getting the old site's files: from the web through the SSRF-safe fetcher, or from a local
copy of `wp-content/uploads`, a few at a time.

`fetch_all(source, urls)` yields (url, kind, bytes or None, why) as files arrive, from a small
thread pool that never holds more than a few files ahead of the caller, so memory stays bounded
whatever the number of files. The threads only read the network or the disk; the caller writes
to storage and the database.
"""

import concurrent.futures
import os
import time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from core.fetch import FetchError, fetch
from core.uploads import validate_image_upload

from .media_refs import DOCUMENT_MAGIC, IMAGE, extension

UPLOADS = "/wp-content/uploads/"
DOCUMENT_TYPES = {"application/"}  # servers call a .docx anything from octet-stream to vnd.*
# FetchError messages of core/fetch.py that another try would not change: the address itself,
# the type or the size was refused. Anything else (a timeout, a broken connection) is retried.
NOT_RETRIED = ("That address", "Addresses with", "Paste the address")


class Missing(Exception):
    """A file that could not be had; the message says why."""


def _setting(name, default):
    return getattr(settings, name, default)


class Web:
    """Files fetched from the old site, with a size limit, a deadline and retries."""

    description = "the web"

    def get(self, url, kind):
        accept = {"image/"} if kind == IMAGE else DOCUMENT_TYPES
        attempts = _setting("MEDIA_FETCH_ATTEMPTS", 3)
        backoff = _setting("MEDIA_FETCH_BACKOFF", 1.0)
        for attempt in range(attempts):
            if attempt:
                time.sleep(backoff * 2 ** (attempt - 1))
            try:
                fetched = fetch(
                    url,
                    accept=accept,
                    what="an image" if kind == IMAGE else "a document",
                    max_bytes=_setting("MEDIA_FETCH_MAX_BYTES", 20 * 1024 * 1024),
                    timeout=_setting("MEDIA_FETCH_TIMEOUT", 10),
                )
            except FetchError as error:
                why = str(error)
                if why.startswith(NOT_RETRIED):
                    raise Missing(why) from None
                continue
            if fetched.status == 200:
                return fetched.body
            why = f"the old site answered {fetched.status}"
            if fetched.status < 500 and fetched.status != 429:
                raise Missing(why)
        raise Missing(f"{why} ({attempts} tries)")


class LocalCopy:
    """Files read from a copy of the old site's `wp-content/uploads` folder."""

    def __init__(self, folder):
        self.folder = os.path.realpath(folder)
        self.description = folder

    def get(self, url, kind):
        path = unquote(urlsplit(url).path)
        if UPLOADS not in path:
            raise Missing(f"not under {UPLOADS}, so not in {self.description}")
        relative = path.split(UPLOADS, 1)[1]
        if "\x00" in relative:  # ("%00" in the address) os.path raises ValueError on it
            raise Missing(f"not found in {self.description}")
        full = os.path.realpath(os.path.join(self.folder, relative))
        if os.path.commonpath([full, self.folder]) != self.folder or not os.path.isfile(full):
            raise Missing(f"not found in {self.description}")
        limit = _setting("MEDIA_FETCH_MAX_BYTES", 20 * 1024 * 1024)
        if os.path.getsize(full) > limit:
            raise Missing("too large to bring home")
        with open(full, "rb") as file:
            return file.read()


def check_document(url, body):
    """A document must start as its type does: a .pdf with %PDF-, a .docx as a zip..."""
    if not body.startswith(DOCUMENT_MAGIC[extension(url)]):
        raise Missing(f"not a {extension(url)[1:].upper()} file")


def fetch_all(source, wanted):
    """(url, kind, body, None) or (url, kind, None, why) for each (url, kind), as they come;
    a body is checked already: an image opens and decodes, a document starts as it should."""
    workers = _setting("MEDIA_FETCH_WORKERS", 4)

    def get(url, kind):
        try:
            body = source.get(url, kind)
            if kind == IMAGE:
                # Decoding the whole image here, in the pool, runs beside the caller's work.
                validate_image_upload(ContentFile(body, name="image"))
            else:
                check_document(url, body)
            return url, kind, body, None
        except Missing as error:
            return url, kind, None, str(error)
        except ValidationError as error:
            return url, kind, None, " ".join(error.messages)

    wanted = iter(wanted)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        pending = set()
        while True:
            for url, kind in wanted:
                pending.add(pool.submit(get, url, kind))
                if len(pending) >= workers * 2:
                    break
            if not pending:
                return
            done, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for future in done:
                yield future.result()
