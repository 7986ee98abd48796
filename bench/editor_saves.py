"""
An editor renaming the newest column N times; after each save the public home page served by
another app process (URL given) must show the new title within a second.

    .venv/bin/python bench/editor_saves.py http://127.0.0.1:8202 20
"""

import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from columns.models import Column  # noqa: E402


def main():
    base, saves = sys.argv[1], int(sys.argv[2])
    column = Column.objects.published().first()
    delays, stale = [], 0
    for n in range(saves):
        column.title = f"Edited title number {n} {time.time():.0f}"
        column.save()  # the admin's save: signals, then the version bump on commit
        saved = time.monotonic()
        while True:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                if column.title in response.read().decode():
                    delays.append(time.monotonic() - saved)
                    break
            if time.monotonic() - saved > 1:
                stale += 1
                break
        time.sleep(0.5)
    worst = max(delays, default=0) * 1000
    median = sorted(delays)[len(delays) // 2] * 1000 if delays else 0
    print(
        f"editor: {saves} saves; each seen through {base} after at most {worst:.0f} ms "
        f"(median {median:.0f} ms); still stale after 1 s: {stale}"
    )


if __name__ == "__main__":
    main()
