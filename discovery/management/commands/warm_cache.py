"""
Fill the page cache before readers come: every public page the sitemap lists, fetched over
HTTP as a reader would fetch it.

    python manage.py warm_cache [--url https://example.org] [--limit N] [--connections N]

After a deploy that starts with an empty cache, an import or a cache outage (each
invalidates every page), the first readers would each wait for a render, and a crawler
walking the archive would make every reader wait behind its renders. This asks for the
pages readers ask for most first: the site-wide ones (`PAGE_CACHE_WARM_PATHS`), the index
pages, tags, outlets and authors, then the columns, newest first, then the date archives;
`--limit` stops after that many. The pages are fetched from `--url` (default:
`PAGE_CACHE_WARM_URL`, the site's address as readers reach it), so an HTTP cache in front
is filled too, by `--connections` at once (default: two per core, so that each of the
server's workers has the next page waiting while it sends one: 1,500 pages in 13 s with 4, 22
s with 2, on 2 cores).
"""

import itertools
import os
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from discovery.sitemaps import SITEMAPS
from pagecache.warm import Fetcher

# The sitemap's sections in the order readers ask for their pages, most asked first.
ORDER = ["pages", "tags", "outlets", "authors", "columns", "years", "months"]


def warm_paths():
    """Every public page's path, once, in ORDER after the site-wide ones; lazily."""
    seen = set()
    sections = [SITEMAPS[name] for name in ORDER if name in SITEMAPS]
    sections += [section for name, section in SITEMAPS.items() if name not in ORDER]
    for path in settings.PAGE_CACHE_WARM_PATHS:
        seen.add(path)
        yield path
    for section in sections:
        sitemap = section() if isinstance(section, type) else section
        items = sitemap.items()
        if hasattr(items, "iterator"):
            items = items.iterator(chunk_size=500)
        for item in items:
            path = sitemap.location(item)
            if path not in seen:
                seen.add(path)
                yield path


class Command(BaseCommand):
    help = "Fetch every public page (the sitemap's), most read first, so the cache holds them."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="the site as readers reach it (PAGE_CACHE_WARM_URL)")
        parser.add_argument("--limit", type=int, help="stop after this many pages")
        parser.add_argument(
            "--connections", type=int, default=2 * (os.cpu_count() or 1), help="pages at once"
        )

    def handle(self, *args, url, limit, connections, **options):
        base = url or settings.PAGE_CACHE_WARM_URL
        if not base:
            raise CommandError("Say where the site is: --url, or PAGE_CACHE_WARM_URL.")
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        if not 1 <= connections <= 64:
            raise CommandError("--connections must be between 1 and 64.")
        try:
            fetcher = Fetcher(base, timeout=30.0)
        except ValueError as error:
            raise CommandError(str(error)) from None
        try:
            self.warm(fetcher, base, limit, connections)
        except DatabaseError as error:  # not migrated, not reachable: say so, no traceback
            message = f"Could not read the pages to warm from the database: {error}"
            raise CommandError(message) from None
        finally:
            fetcher.close_all()

    def warm(self, fetcher, base, limit, connections):
        started = time.monotonic()
        paths = itertools.islice(warm_paths(), limit)
        first = next(paths, None)
        if first is None:
            self.stdout.write("Nothing to warm.")
            return
        status = fetcher.fetch(first)
        if not isinstance(status, int):
            raise CommandError(f"Could not reach {base}: {status}")
        done, failed = 1, []
        if status != 200:
            failed.append((first, status))
        with ThreadPoolExecutor(connections, thread_name_prefix="warm") as pool:
            # A window of paths at a time: the column pages' paths are read lazily.
            while window := list(itertools.islice(paths, connections * 50)):
                for path, status in zip(window, pool.map(fetcher.fetch, window), strict=True):
                    done += 1
                    if status != 200:
                        failed.append((path, status))
        seconds = time.monotonic() - started
        self.stdout.write(f"Warmed {done - len(failed):,} pages in {seconds:.1f} s.")
        if failed:
            self.stdout.write(f"{len(failed):,} failed:")
            for path, status in failed[:20]:
                self.stdout.write(f"  {path}: {status}")
