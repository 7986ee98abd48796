"""Bringing the old site's media home: `BringHome(summary, source).run(columns, site)`.

For the columns given, every file of the old site they use (media_refs.py), and every
attachment an export lists, is fetched (media_fetch.py), checked, stored once by content hash
through Django's storage (images as `Image`s with their renditions, documents as they are), and
the columns are rewritten to the new addresses. A file that cannot be had keeps its old
address, is listed in the summary and flags its column for review: it never fails the import.

The database part runs in the caller's transaction. Files written are listed in `written`, and
`discard()` removes them: the caller calls it when that transaction rolls back.
"""

import hashlib
import os
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from columns.models import Column
from core.signals import bulk_saved
from images.models import Image

from .media_fetch import fetch_all
from .media_refs import IMAGE, kind_of, references, rewrite
from .merge import field_prints, rewritten
from .models import MediaFile
from .summary import MEDIA_FAILED

BATCH = 500
REWRITTEN = ["body", "image", "image_alt", "image_url"]


class BringHome:
    def __init__(self, summary, source, progress=None):
        self.summary = summary
        self.source = source
        self.progress = progress or (lambda done, total, failed: None)
        self.written = []  # storage names of the files this run wrote
        self.home = {}  # old url -> MediaFile
        self.failed = {}  # old url -> why

    def run(self, columns, site, attachments=None):
        """Bring home what `columns` (a queryset) use and the `attachments` {url: (alt,
        caption)}, then rewrite the columns."""
        attachments = attachments or {}
        # Attachments that are images or documents; audio and video stay where they are.
        wanted = {url: kind_of(url) for url in attachments if kind_of(url)}
        users = {}
        for column in _scan(columns):
            for url, kind in references(column, site).items():
                wanted.setdefault(url, kind)
                users.setdefault(column.pk, []).append(url)
        self._fetch(wanted, attachments)
        self._rewrite(columns, users)

    def discard(self):
        """Remove the files this run wrote (its transaction rolled back)."""
        for name in self.written:
            default_storage.delete(name)
        self.written = []

    def _fetch(self, wanted, attachments):
        for chunk in _chunks(list(wanted), BATCH):
            for media in MediaFile.objects.filter(source_url__in=chunk).select_related("image"):
                self.home[media.source_url] = media
        self.summary.media_reused += len(self.home)
        todo = [(url, kind) for url, kind in wanted.items() if url not in self.home]
        for done, (url, kind, body, why) in enumerate(fetch_all(self.source, todo), 1):
            if body is not None:
                self.home[url] = self._store(url, kind, body, attachments.get(url))
            else:
                self.failed[url] = why
                self.summary.note(MEDIA_FAILED, f"{url}: {why}")
            self.progress(done, len(todo), len(self.failed))

    def _store(self, url, kind, body, described):
        digest = hashlib.sha256(body).hexdigest()
        name = os.path.basename(unquote(urlsplit(url).path))[-100:] or "file"
        if kind == IMAGE:
            image = Image.objects.filter(content_hash=digest).order_by("pk").first()
            if image is None:
                upload = ContentFile(body, name=name)
                alt, caption = described or ("", "")
                alt = alt or os.path.splitext(name)[0]  # the library needs a description
                image = Image(alt=alt[:300], caption=caption[:500], content_hash=digest)
                image.file.save(name, upload, save=False)
                self.written.append(image.file.name)
                image.save()  # makes the renditions
                self.written += list(image.renditions.values())
                self.summary.media += 1
            else:
                self.summary.media_reused += 1
            return MediaFile.objects.create(source_url=url, content_hash=digest, image=image)
        same = MediaFile.objects.filter(content_hash=digest, image=None).order_by("pk").first()
        media = MediaFile(source_url=url, content_hash=digest)
        if same is None:
            media.document.save(name, ContentFile(body), save=False)
            self.written.append(media.document.name)
            self.summary.media += 1
        else:
            media.document = same.document.name
            self.summary.media_reused += 1
        media.save()
        return media

    def _rewrite(self, columns, users):
        pks = list(users)
        for chunk in _chunks(pks, BATCH):
            changed = []
            for column in columns.filter(pk__in=chunk).select_related("outlet"):
                urls = users[column.pk]
                before = field_prints(column)
                home = {url: self.home[url] for url in urls if url in self.home}
                if rewrite(column, home):
                    column.derive_fields()
                    rewritten(column, {name: before[name] for name in REWRITTEN})
                    changed.append(column)
                if any(url in self.failed for url in urls) and not column.needs_review:
                    column.needs_review = True
                    changed.append(column)
            fields = [*REWRITTEN, "excerpt_html", "needs_review", "wordpress_fields"]
            Column.objects.bulk_update(list(dict.fromkeys(changed)), fields)
            if changed:  # for search and caches, as the import's own bulk writes
                bulk_saved.send(sender=Column, pks=[column.pk for column in changed])


def _scan(columns):
    fields = ("pk", "body", "image", "image_url")
    return columns.only(*fields).order_by("pk").iterator(chunk_size=BATCH)


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]
