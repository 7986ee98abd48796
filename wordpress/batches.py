"""Writing what an import queued, in batches: new columns, and the rows that hang off them.

Bylines, tags, mentions and redirects of new columns are queued as tuples with the column first
(a queued column has no pk until `_flush()` inserts it) and written with `insert_rows()` every
few hundred posts. `WxrImport` (load.py) is the one user of this mixin.
"""

import datetime
import re
from functools import partial

from django.utils.html import format_html

from columns.models import Byline, Column, TaggedColumn
from core.signals import bulk_saved
from mentions.models import Mention

from . import wxr
from .addresses import web_address
from .bulk import compress_quickly, insert_objects, insert_rows
from .content import GALLERY
from .media_refs import IMAGE, kind_of
from .merge import fingerprint, rewritten
from .old_addresses import save_redirects
from .summary import CLASHES

FROM_TITLE_NOTE = (
    'The intro named no topic of its own ("about it"): the topic is the column\'s title. '
    "Check it, then publish."
)


# What Django's `<slug:slug>` takes.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")

# New columns handed to `search.NewColumnDocuments` at once: the documents of these are made
# while the next posts are planned.
DOCUMENTS_CHUNK = 50


class BatchWriter:
    _documents = None  # search.NewColumnDocuments on PostgreSQL, while run() runs
    _unsent = ()  # new columns not yet handed to it, with the names their documents read
    _compressing = False  # compress_quickly() asked, once before the first new columns
    _writes = None  # bulk.WritesBehind, while run() runs
    _address_start = None  # a column's address up to its year (_address())

    def _queue_document(self, column, tags, authors):
        if self._documents is None:
            return
        outlet = column.outlet.name if column.outlet_id else None
        self._unsent = [*self._unsent, (column, [tag.name for tag in tags], outlet, authors)]
        if len(self._unsent) >= DOCUMENTS_CHUNK:
            self._documents.add(self._unsent)
            self._unsent = []

    def _queue_relations(self, column, plan, updating):
        # Rows for insert_rows(), the column first: a queued column gets its pk in _flush().
        seen, authors = set(), []
        for position, (author, bio) in enumerate(plan.byline):
            if author.pk not in seen and not plan.keep_byline:
                seen.add(author.pk)
                authors.append(author.name)
                self._pending_bylines.append((column, author.pk, position, bio))
        tags = {tag.pk: tag for tag in map(self.tags.get, plan.tags) if tag}
        if not plan.keep_tags:
            self._pending_tags += [(column, tag_pk) for tag_pk in tags]
        if not updating:
            self._queue_document(column, [] if plan.keep_tags else tags.values(), authors)
        existing = set()
        if updating:
            existing = set(column.mentions.values_list("outlet_id", "topic"))
        status = Mention.Status.PUBLISHED if column.is_public else Mention.Status.DRAFT
        for outlet_name, topic, kind, from_title in plan.mentions:
            outlet = self.outlets.get(outlet_name)
            if outlet is None or (outlet.pk, topic[:300]) in existing:
                continue
            existing.add((outlet.pk, topic[:300]))
            # "Spoke to Sky News about it": the topic is the column's title, kept as a draft.
            note = FROM_TITLE_NOTE if from_title else ""
            self._pending_mentions.append(
                (column, outlet.pk, topic[:300], kind, column.day,
                 Mention.Status.DRAFT if from_title else status, note)
            )  # fmt: skip
        url = self._address(column)
        for path in plan.old_paths:
            self._pending_redirects[path] = url

    def _address(self, column):
        """`column.get_absolute_url()`, from an address reversed once: reversing each of
        5,000 cost 0.36 s of the importer's time. The year, month, day and a slug that the
        pattern takes (`<slug:slug>`) stand in it as `reverse()` would write them."""
        if self._address_start is None:
            sample = Column(day=datetime.date(2000, 11, 22), slug="x").get_absolute_url()
            tail = "2000/11/22/x/"
            self._address_start = sample[: -len(tail)] if sample.endswith(tail) else ""
        if not self._address_start or not _SLUG.fullmatch(column.slug):
            return column.get_absolute_url()  # (as it fails, if it does)
        day = column.day
        return f"{self._address_start}{day.year}/{day.month:02d}/{day.day:02d}/{column.slug}/"

    # --- Writing in batches ----------------------------------------------------------------

    def _flush(self):
        new = [column for column, *_ in self._pending_columns]
        documents = None
        if self._documents is not None and new:
            if self._unsent:
                self._documents.add(self._unsent)
                self._unsent = []
            # Each new column's search_vector, written with its row: waited for by the thread
            # that writes the batch, while this one plans the next.
            documents = self._documents.handed_over()
        if new and not self._compressing:
            compress_quickly(Column)
            self._compressing = True
        copies = []  # run by self._writes beside the next batch's planning
        insert_objects(new, copies, ("search_vector", documents.of) if documents else None)
        # Keep pks, not whole columns, so memory stays bounded on a large export.
        for column, key, digest, post_id in self._pending_columns:
            self.known[key] = (column.pk, digest)
            self.slugs[(column.day, column.slug)] = column.pk
            self.post_columns[post_id] = column.pk
        insert_rows(
            Byline,
            ["column_id", "author_id", "position", "bio"],
            _pks(self._pending_bylines),
            copies,
        )
        insert_rows(TaggedColumn, ["content_object_id", "tag_id"], _pks(self._pending_tags), copies)
        mention_pks = insert_rows(
            Mention,
            ["column_id", "outlet_id", "topic", "kind", "date", "status", "internal_note"],
            _pks(self._pending_mentions),
            copies,
        )
        self.summary.mentions += len(self._pending_mentions)
        clashes = []
        self.summary.redirects += save_redirects(self._pending_redirects, clashes, copies)
        for old, kept, wanted in clashes:
            self.summary.note(CLASHES, f"{old} still leads to {kept}, not to {wanted}")
        # Bulk inserts send no post_save: say what was written, for search and caches, once
        # it is. Batch by batch, so that the database makes search documents while the
        # workers render.
        said = []
        if new:
            pks = [column.pk for column in new]
            said.append(partial(_new_columns_saved, pks, documents))
        if self._updated_pks:
            said.append(partial(bulk_saved.send, Column, pks=self._updated_pks))
        if mention_pks:
            said.append(partial(bulk_saved.send, Mention, pks=mention_pks))
        self._writes.start(copies, said)
        self._pending_bylines, self._pending_tags, self._pending_mentions = [], [], []
        self._pending_redirects, self._pending_columns = {}, []
        self._updated_pks, self._since_flush = [], 0

    def _attach_late_thumbnails(self):
        for post_id, attachment_id in self.thumbnails:
            if attachment_id in self.attachments:
                image = self._featured_image(attachment_id, f"post {post_id}")
                column = Column.objects.filter(pk=pk_of(self.post_columns[post_id]))
                if image is None:
                    column.update(needs_review=True)
                else:
                    self._attach_late_thumbnail(column.get(), image)

    def _fill_galleries(self):
        # A [gallery]'s images are attachments, often listed after the post: filled at the end.
        for post_id in self.galleries:
            column = Column.objects.select_related("outlet").get(
                pk=pk_of(self.post_columns[post_id])
            )
            before = fingerprint(column.body)

            def images(match, post_id=post_id):
                ids = match.group("ids")
                if ids:
                    ids = [wxr.post_id(i) for i in ids.split(",")]
                else:
                    ids = self.children.get(post_id, [])
                found = [self.attachments[i] for i in ids if i in self.attachments]
                return gallery_html([a for a in found if web_address(a[0])])

            column.body = GALLERY.sub(images, column.body)
            column.derive_fields()
            rewritten(column, {"body": before})
            Column.objects.filter(pk=column.pk).update(
                body=column.body,
                excerpt_html=column.excerpt_html,
                wordpress_fields=column.wordpress_fields,
            )

    def _attach_late_thumbnail(self, column, image):
        # As merge.py decides for the fields of the post: an editor's image stays.
        names, memory = ("image_url", "image_alt", "image_caption"), column.wordpress_fields
        if any(memory.get(n, fingerprint("")) != fingerprint(getattr(column, n)) for n in names):
            return
        values = dict(zip(names, image, strict=True))
        memory.update({name: fingerprint(value) for name, value in values.items()})
        Column.objects.filter(pk=column.pk).update(**values, wordpress_fields=memory)


def _new_columns_saved(pks, documents):
    # After the batch's COPYs, so documents.made is known.
    made = bool(documents and documents.made)
    bulk_saved.send(Column, pks=pks, documents_made=made)


def pk_of(column):
    """A column's pk, whether we hold the pk itself or the (maybe unsaved) column."""
    return column.pk if isinstance(column, Column) else column


def _pks(rows):
    """Queued rows with their column's pk in place of the column."""
    return [(pk_of(column), *values) for column, *values in rows]


def gallery_html(attachments):
    """A gallery as WordPress shows it: its images, each with its caption, [(url, alt, caption)]."""
    return "\n".join(
        format_html(
            '<figure><img src="{}" alt="{}">{}</figure>',
            url,
            alt,
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )
        for url, alt, caption in attachments
        if kind_of(url, IMAGE) == IMAGE
    )
