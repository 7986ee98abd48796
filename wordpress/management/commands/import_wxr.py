"""`import_wxr`: a WordPress export (WXR) into columns, all or nothing (wordpress/load.py)."""

import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.content import public_models
from wordpress.load import WxrImport
from wordpress.management.media_options import MediaProgress, add_source_options, source
from wordpress.media import BringHome
from wordpress.summary import SHOWN
from wordpress.wxr import WxrError, read_wxr


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0-1.2): posts become columns, with their authors, "
        "tags, outlets, press mentions and redirects from the old addresses; with --media or "
        "--media-from, its images and documents too. All or nothing; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xml file from WordPress's Tools → Export.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything, print it, then roll back."
        )
        parser.add_argument(
            "--no-extract",
            action="store_true",
            help="Keep each post's text whole: do not move intro, byline, stamps... into fields.",
        )
        add_source_options(parser)

    def handle(self, *args, file, dry_run, no_extract, verbosity, media, media_from, **options):
        if not os.path.isfile(file):
            raise CommandError(f"{file}: no such file.")
        media_source = source(media, media_from)
        reader = read_wxr(file)
        itemised = dry_run or verbosity >= 2
        progress = Progress(self.stdout, reader, bar=self.stdout.isatty() and not itemised)
        importer = WxrImport(extract=not no_extract, log=self.stdout.write if itemised else None)
        if dry_run:
            self.stdout.write("Dry run: the import runs in full, then is rolled back.")
        home = BringHome(importer.summary, media_source, MediaProgress(self.stderr))
        try:
            with transaction.atomic():
                summary = importer.run(reader, progress=progress.tick)
                progress.end()
                if media_source:
                    importer.bring_home(home)
                if dry_run:
                    transaction.set_rollback(True)
        except BaseException as error:
            progress.end()
            home.discard()  # the files written for a rolled-back import
            if isinstance(error, WxrError):
                raise CommandError(
                    f"{file}: {str(error).rstrip('.')}. Nothing was imported."
                ) from error
            raise
        if dry_run:
            home.discard()
        elif summary.changed_anything:  # else the statistics still hold
            analyse_content_tables()
        elapsed = max(time.monotonic() - progress.started, 1e-6)
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {file}: {summary.items} items in {elapsed:.1f} s "
            f"({summary.items / elapsed:.0f} items/s)."
        )
        for line in summary.lines(shown=None if verbosity >= 2 else SHOWN):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
        elif summary.changed_anything and settings.PAGE_CACHE_SECONDS > 0:
            # Every cached page was invalidated (pagecache.versions.bump_content_version).
            self.stdout.write(
                "The page cache was emptied for the new content: `manage.py warm_cache` "
                "renders every page again before readers ask."
            )


def analyse_content_tables():
    """Refresh PostgreSQL's statistics of the tables an import fills. Until autovacuum gets
    to them, the planner takes freshly loaded tables for nearly empty ones: pages right
    after a 5,000-post import ran 30-40% slower (issue 16). A second or so at that size."""
    if connection.vendor != "postgresql":
        return
    tables = sorted({model._meta.db_table for model in public_models()})
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


class Progress:
    """A progress bar on a terminal; a line every thousand items in a log."""

    EVERY = 1000

    def __init__(self, out, reader, bar):
        self.out, self.reader, self.bar = out, reader, bar
        self.count = 0
        self.ended = False
        self.started = self.last_drawn = time.monotonic()

    def tick(self, item):
        self.count += 1
        now = time.monotonic()
        if self.bar and now - self.last_drawn >= 0.1:
            self.last_drawn = now
            self.out.write(f"\r{self._status(now, width=30)}", ending="")
            self.out.flush()
        elif not self.bar and self.count % self.EVERY == 0:
            self.out.write(self._status(now))

    def end(self):
        if self.bar and self.count and not self.ended:
            self.out.write(f"\r{self._status(time.monotonic(), width=30)}")
        self.ended = True

    def _status(self, now, width=0):
        share = self.reader.bytes_read / self.reader.size if self.reader.size else 1
        rate = self.count / max(now - self.started, 1e-6)
        status = f"{share:4.0%} {self.count} items, {rate:.0f} items/s"
        if width:
            done = int(share * width)
            status = f"[{'#' * done}{'.' * (width - done)}] {status}"
        return status
