"""What `import_wxr --media` and `fetch_media` share: the options, the source, the progress."""

import os
import time

from django.core.management.base import CommandError

from wordpress.media_fetch import LocalCopy, Web


def add_source_options(parser, flag=True):
    if flag:
        parser.add_argument(
            "--media",
            action="store_true",
            help="Bring the old site's images and documents home from the web (the old site "
            "must still be up).",
        )
    parser.add_argument(
        "--media-from",
        metavar="DIR",
        help="Bring them home from a copy of the old site's wp-content/uploads folder instead.",
    )


def source(media, media_from):
    """The source the options ask for, or None."""
    if media_from:
        if not os.path.isdir(media_from):
            raise CommandError(f"{media_from}: no such folder (a copy of wp-content/uploads).")
        return LocalCopy(media_from)
    return Web() if media else None


class MediaProgress:
    """A bar on a terminal; a line every few hundred files in a log (on stderr)."""

    EVERY = 500

    def __init__(self, err):
        self.err = err
        self.last = 0.0

    def __call__(self, done, total, failed):
        now = time.monotonic()
        line = f"Media: {done}/{total} files ({failed} not brought home)"
        if self.err.isatty():
            if now - self.last >= 0.1 or done == total:
                self.last = now
                share = done / total if total else 1
                bar = "#" * int(share * 30)
                self.err.write(f"\r[{bar:.<30}] {line}", ending="\n" if done == total else "")
                self.err.flush()
        elif done % self.EVERY == 0 or done == total:
            self.err.write(line)
