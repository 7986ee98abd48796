"""Write what `wxr.read_wxr()` reads into the database: `WxrImport(...).run(reader)`.

What becomes what (posts are planned in convert.py):
- posts → columns; trash and auto-drafts are skipped.
- `<wp:author>`s and post creators → authors; with no site owner yet, the author of the most
  imported posts (the first listed on a tie) becomes the owner.
- attachments give the featured image (address, alt text, caption) of posts whose
  `_thumbnail_id` points at them; nothing is downloaded. Pages, menu items and other types are
  counted and skipped.
- mentions of our own exports (`columnist_mention` items) → mentions.

A post is found again by (site address, post id), else by guid; a fingerprint of the item
tells whether it changed since the last import, so an unchanged post is not touched at all
(editors' later fixes survive) and a changed one is rewritten from the export. New columns and
the rows that hang off them (bylines, tags, mentions, redirects) are written in batches.
"""

import sys
from collections import Counter

from django.core.files.storage import default_storage
from django.utils import timezone

from columns.models import Author, Column, TaggedColumn
from core.html import strip_tags
from core.text import drop_on_save
from discovery.search import search_backend
from mentions.models import Mention
from redirects.models import Redirect

from . import hashes, meta, prefetch, wxr
from .addresses import keep_stored_file, keep_web_addresses, web_address
from .batches import BatchWriter, pk_of
from .bulk import WritesBehind
from .convert import STATUSES, Converter, post_title
from .media_refs import OldSite
from .merge import Merge, remember
from .registry import Authors, Outlets, Tags
from .summary import CONFLICTS, DROPPED, PROTECTED, Summary

IMPORT_VERSION = "2"  # change when the mapping changes: every post is then updated again
SKIPPED_TYPES = {
    "page": "pages",
    "attachment": "attachments",
    "nav_menu_item": "menu items",
    "revision": "revisions",
}
SKIPPED_STATUSES = {"trash": "trashed posts", "auto-draft": "auto-drafts", "": "posts (no status)"}
FLUSH_EVERY = 500
SWITCH_INTERVAL = 0.0005  # seconds: see run()


class WxrImport(BatchWriter):
    def __init__(self, extract=True, log=None):
        self.extract = extract
        self.log = log or (lambda message: None)
        self.summary = Summary()
        self.site = wxr.Site()
        self.zone = timezone.get_default_timezone()
        self.authors = Authors()
        self.outlets = Outlets()
        self.tags = Tags()
        self.converter = Converter(self.authors, self.outlets, extract, self.zone)
        self.attachments = {}  # post id -> (url, alt, caption)
        self.thumbnails = []  # (post id, attachment id) seen before their attachment
        self.children = {}  # post id -> its attachments' ids, for a [gallery] without ids
        self.galleries = []  # ids of the posts with a [gallery] to fill once all is read
        self.post_columns = {}  # post id in this file -> column pk, or the column itself
        self.creators = Counter()
        self.author_order = []
        self.known = {}
        self.redirected = set()  # old paths that redirect, read in _site()
        self.slugs = {}
        self._pending_bylines, self._pending_tags, self._pending_mentions = [], [], []
        self._pending_redirects, self._pending_columns = {}, []
        self._updated_pks = []  # updated columns whose bylines and tags are still queued
        self._since_flush = 0
        self._prepared = None  # the worker ticket of the item being handled (prefetch.py)
        self._digests = {}  # id(item) -> (item, digest) for the items read ahead
        self._names_sent = ()

    def run(self, reader, progress=None):
        handlers = {
            wxr.Site: self._site,
            wxr.Author: self._author,
            wxr.Term: self._term,
            wxr.OutletData: self._outlet,
            wxr.Item: self._item,
        }
        self._documents = search_backend().new_column_documents()
        # The importer's thread gives up the GIL at each read of the file, query and pipe
        # write, and waited up to the switch interval (5 ms) to get it back from the threads
        # that feed the workers and the database: in a profile of a 5,000-post import, 0.85 s
        # in reads of the file alone, 0.2 s with an interval of 0.5 ms, set for the import.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
        try:
            with WritesBehind(Column, refused=wxr.WxrError) as self._writes:
                self._read(reader, handlers, progress)
        finally:
            sys.setswitchinterval(interval)
            if self._documents is not None:
                self._documents.close()
            self._documents = None
        self._attach_late_thumbnails()
        self._fill_galleries()
        self._choose_owner()
        self.summary.authors = self.authors.created
        self.summary.outlets = self.outlets.created
        self.summary.ambiguous_outlets = self.outlets.ambiguous
        self.summary.tags = self.tags.created
        return self.summary

    def _read(self, reader, handlers, progress):
        for entry, prepared in prefetch.prefetch(reader, self._job):
            self._prepared = prepared
            try:
                handlers[type(entry)](entry)
            except wxr.WxrError:
                raise
            except Exception as error:
                where = entry.describe() if isinstance(entry, wxr.Item) else repr(entry)[:200]
                raise wxr.WxrError(f"{where}: {type(error).__name__}: {error}") from error
            if progress and isinstance(entry, wxr.Item):
                progress(entry)
        self._flush()

    def _job(self, entry):
        """What a worker may render and structure ahead of time for this entry, or None."""
        if isinstance(entry, wxr.Site):
            self._site(entry)  # the first entry, read at once: the keys of what is here
            return None
        if not isinstance(entry, wxr.Item) or entry.post_type != "post":
            return None
        if entry.status not in STATUSES or meta.is_columnist_item(entry):
            return None
        site, post_id, guid = self._key(entry)
        found = self.known.get((site, post_id)) or (guid and self.known.get(("guid", guid)))
        data = None
        if found:
            digest = self._digest(entry)
            if found[1] == digest:
                self._digests[id(entry)] = (entry, digest)  # for _post(): hashing it once will do
                return None  # unchanged: nothing to render
        else:  # a new post, so far: its worker makes the digest (_post() may need it)
            digest, data = None, self._digest_data(entry)
            data[hashes.CONTENT] = None  # sent once, as the post's content
        self._digests[id(entry)] = (entry, digest)
        return post_title(entry), entry.content, self._known_names(), self.extract, data

    def _known_names(self):
        # One tuple while no outlet is added: the jobs of a batch then share it, and it is
        # pickled once per batch instead of once per post (1,531 names with the catalogue).
        names = self.outlets.known_names
        if len(self._names_sent) != len(names):
            self._names_sent = tuple(names)
        return self._names_sent

    # --- Channel ---------------------------------------------------------------------------

    def _site(self, site):
        if self.site is site:
            return  # already read by _job()
        self.site = site
        for row in Column.objects.values(
            "pk",
            "wordpress_site",
            "wordpress_id",
            "wordpress_guid",
            "wordpress_hash",
            "day",
            "slug",
        ):
            found = (row["pk"], row["wordpress_hash"])
            if row["wordpress_id"] is not None:
                self.known[(row["wordpress_site"], row["wordpress_id"])] = found
            # A guid names a post only as an address ("http://host/?p=12", which stays when a
            # site moves): a bare "12" from another site's export must not find ours.
            if "://" in row["wordpress_guid"]:
                self.known.setdefault(("guid", row["wordpress_guid"]), found)
            self.slugs[(row["day"], row["slug"])] = row["pk"]
        # A new column does not take an address that redirects: it belongs to another column.
        self.redirected = set(Redirect.objects.values_list("old_path", flat=True))

    def _author(self, wxr_author):
        where = f"author {wxr_author.login}"
        keep_web_addresses(wxr_author.extra, ["website"], self.summary, where)
        author = self.authors.add_wordpress_author(wxr_author)
        self.author_order.append(author.pk)

    def _outlet(self, data):
        where = f"outlet {data.fields.get('name', '')}"
        if "homepage" in data.fields:
            keep_web_addresses(data.fields, ["homepage"], self.summary, where)
        if data.fields.get("logo"):
            keep_stored_file(data.fields, "logo", default_storage, self.summary, where)
        self.outlets.add_exported(data)

    def _term(self, term):
        if term.taxonomy == "post_tag" and term.slug:
            self.tags.slug_hints[term.name] = term.slug
        elif term.taxonomy == "category":
            self.converter.add_category(term)

    # --- Items -----------------------------------------------------------------------------

    def _item(self, item):
        if item.post_type == "attachment":
            self._attachment(item)
        if item.post_type == "columnist_mention":
            return self._mention(item)
        if item.post_type != "post":
            what = SKIPPED_TYPES.get(item.post_type, f"other items ({item.post_type or '?'})")
            return self._skip(item, what)
        if item.status not in STATUSES:
            return self._skip(item, SKIPPED_STATUSES.get(item.status, f"posts ({item.status})"))
        if item.post_id is None:
            # Posts are told apart by their ids: two without one would be taken for one post.
            raise wxr.WxrError(f"{item.describe()}: the post has no id (<wp:post_id>)")
        self.summary.comments += item.comments
        self._post(item)
        self._since_flush += 1
        if self._since_flush >= FLUSH_EVERY:
            self._flush()

    def _skip(self, item, what):
        self.summary.skipped[what] += 1
        self.log(f"skip    {item.describe()}: {what}")

    def _attachment(self, item):
        url = web_address(item.attachment_url or item.guid)
        if url is None:  # noted when a post uses it as its featured image
            url = item.attachment_url or item.guid
        alt = item.meta_value("_wp_attachment_image_alt")
        self.attachments[item.post_id] = (url, alt, strip_tags(item.excerpt))
        self.children.setdefault(item.post_parent, []).append(item.post_id)

    def _key(self, item):
        original = meta.original_post(item) if self.site.from_columnist else None
        return original or (self.site.url[:200], item.post_id, item.guid[:500])

    def _post(self, item):
        site, post_id, guid = self._key(item)
        entry, digest = self._digests.pop(id(item), (None, None))
        if entry is not item:
            digest = self._digest(item)
        elif digest is None:  # a worker's, if one made it
            prepared = prefetch.result(self._prepared)
            digest = prepared[3] if prepared else self._digest(item)
        found = self.known.get((site, post_id)) or (guid and self.known.get(("guid", guid)))
        if found and found[1] == digest:
            self.post_columns[item.post_id] = found[0]
            self.summary.unchanged += 1
            self.log(f"same    {item.describe()}")
            return
        plan = self._plan(item)
        if item.password and not meta.is_columnist_item(item):
            self.summary.note(PROTECTED, item.describe())
        self._check_addresses(plan.fields, item)
        self._set_featured_image(plan.fields, item)
        if found and pk_of(found[0]) is None:
            self._flush()  # the same post twice in one file: the first is still queued
        merge = None
        if found:
            column = Column.objects.select_related("outlet").get(pk=pk_of(found[0]))
            merge = Merge(column)
        else:
            column = Column()
        for name, value in plan.fields.items():
            setattr(column, name, value)
        column.wordpress_site, column.wordpress_id, column.wordpress_guid = site, post_id, guid
        column.wordpress_hash = digest
        column.derive_fields(sanitised=plan.sanitised)  # ("&#1;" is U+0001 from here)
        # What a save drops (core/text.py), dropped before the fields are remembered: new
        # columns are written around save(), and an updated one's memory must be of what
        # its save keeps, else the next export's value is taken for an editor's change.
        drop_on_save(Column, column)
        self.tags.make(plan.tags)  # before they are looked up one by one
        if merge:
            merge.decide(column, plan, self.tags)
        self._make_slug_unique(column)
        kept = merge.remembered if merge else {}
        column.wordpress_fields = remember(column, plan, self.tags, kept)
        if found:
            self._update(column, plan, merge, item)
        else:
            self._pending_columns.append((column, (site, post_id), digest, item.post_id))
            self.summary.created += 1
            self.log(f"create  {item.describe()}")
        ref = column.pk if found else column  # a queued column has no pk until _flush()
        self.slugs[(column.day, column.slug)] = ref
        self.known[(site, post_id)] = (ref, digest)
        self.post_columns[item.post_id] = ref
        self.summary.needs_review += column.needs_review
        if "[gallery" in column.body:
            self.galleries.append(item.post_id)
        self._queue_relations(column, plan, updating=bool(found))
        if not meta.is_columnist_item(item):
            self.creators[self.authors.for_login(item.creator).pk] += 1

    def _update(self, column, plan, merge, item):
        if merge.conflicts:
            column.needs_review = True
            self.summary.kept_editors += 1
            self.summary.note(CONFLICTS, f"{item.describe()}: {', '.join(merge.labels())}")
        column.save()  # leaves a redirect behind if the address changed
        if not plan.keep_byline:
            column.bylines.all().delete()
        if not plan.keep_tags:
            TaggedColumn.objects.filter(content_object=column).delete()
        self._updated_pks.append(column.pk)
        self.summary.updated += 1
        self.log(f"update  {item.describe()}")

    def _digest(self, item):
        return hashes.digest(self._digest_data(item))

    def _digest_data(self, item):
        return [
            IMPORT_VERSION,
            self.extract,
            self.site.url,
            item.title,
            item.content,
            item.excerpt,
            str(item.post_date),
            str(item.post_date_gmt),
            item.post_name,
            item.status,
            *([item.password] if item.password else []),  # (the digests of other posts stay)
            item.creator,
            item.link,
            sorted(item.terms),
            sorted(item.meta.items()),
        ]

    def _plan(self, item):
        if self.site.from_columnist and meta.is_columnist_item(item):
            return self.converter.plan_exported(item)
        return self.converter.plan_wordpress(item, prefetch.result(self._prepared))

    def _check_addresses(self, fields, item):
        where, names = item.describe(), [n for n in ("original_url", "image_url") if n in fields]
        dropped = keep_web_addresses(fields, names, self.summary, where)
        if fields.get("image"):
            dropped |= keep_stored_file(fields, "image", default_storage, self.summary, where)
        fields["needs_review"] = fields.get("needs_review") or dropped

    def _featured_image(self, attachment_id, where):
        """(url, alt, caption) of an attachment; an unsafe address is dropped and noted."""
        url, alt, caption = self.attachments[attachment_id]
        if url and web_address(url) is None:
            self.summary.note(DROPPED, f"{where}: featured image “{url[:80]}”")
            return None
        return url[:500], alt[:300], caption[:500]

    def _set_featured_image(self, fields, item):
        thumbnail = wxr.post_id(item.meta_value("_thumbnail_id"))
        if thumbnail is None or meta.is_columnist_item(item):
            return
        if thumbnail in self.attachments:
            image = self._featured_image(thumbnail, item.describe())
            if image is None:
                fields["needs_review"] = True
            else:
                fields["image_url"], fields["image_alt"], fields["image_caption"] = image
        else:
            self.thumbnails.append((item.post_id, thumbnail))

    def _make_slug_unique(self, column):
        base, number = column.slug, 1
        while not self._slug_is_free(column):
            number += 1
            column.slug = f"{base[:190]}-{number}"

    def _slug_is_free(self, column):
        holder = self.slugs.get((column.day, column.slug))
        if holder is not None:
            return holder is column or (pk_of(holder) or 0) == column.pk
        if column.pk is not None or not self.redirected:
            return True  # (reversing the address costs more than all the rest of this)
        return self._address(column) not in self.redirected

    def _mention(self, item):
        fields = meta.mention_fields(item)
        keep_web_addresses(fields, ["url"], self.summary, item.describe())
        fields["outlet"] = self.outlets.by_slug.get(item.meta_value(meta.key("outlet")))
        column = self.post_columns.get(wxr.post_id(item.meta_value(meta.key("column"))))
        if column is not None and pk_of(column) is None:
            self._flush()
        fields["column_id"] = pk_of(column)
        if fields["outlet"] is None:
            return self._skip(item, "mentions of unknown outlets")
        lookup = {k: fields[k] for k in ("outlet", "topic", "date", "kind", "column_id")}
        mention = Mention.objects.filter(**lookup).first()
        self.summary.mention_items += 1
        if mention is None:
            mention = Mention.objects.create(**fields)
            self.summary.mentions += 1
        elif any(getattr(mention, name) != value for name, value in fields.items()):
            Mention.objects.filter(pk=mention.pk).update(**fields)
        tags = [self.tags.get(name) for taxonomy, _, name in item.terms if taxonomy == "post_tag"]
        mention.tags.set([tag for tag in tags if tag])

    def bring_home(self, home):
        """Bring home the media of this import's columns and the attachments it lists."""
        pks = [pk_of(column) for column in self.post_columns.values()]
        attachments = {
            url: (alt, caption)
            for url, alt, caption in self.attachments.values()
            if web_address(url)
        }
        site = OldSite(
            [self.site.base_site_url, self.site.base_blog_url, self.site.link], attachments
        )
        home.run(Column.objects.filter(pk__in=pks), site, attachments)

    def _choose_owner(self):
        # The owner is the author of the most imported posts; on a tie, the first listed.
        self.creators.pop(None, None)
        if not self.creators or Author.objects.filter(is_owner=True).exists():
            return
        order = {pk: index for index, pk in enumerate(self.author_order)}
        owner_pk, _ = max(
            self.creators.items(), key=lambda kv: (kv[1], -order.get(kv[0], len(order)))
        )
        Author.objects.filter(pk=owner_pk).update(is_owner=True)
