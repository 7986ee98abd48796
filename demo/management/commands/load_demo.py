"""`load_demo`: the demo site of `make run`, imported from `demo/demo.wxr.xml`.

The demo's content lives in that one file, a WordPress export written by our own `export_wxr`
(demo/README.md says how it was made and how to change it), so every `make run` also runs the
importer. The file carries every field of the demo; what no file can say is added here: a post
the file marks as scheduled (WordPress's status "future") goes up a week after the load,
whenever the load happens, so the demo always shows a scheduled column; and the owner, whose
profile the file carries, gets a drawn portrait (a WXR file holds no images of ours).

Running it again duplicates nothing: the importer finds its own posts again, leaves unchanged
ones alone and matches outlets, authors, tags and mentions by their natural keys.
"""

import datetime
import io
from collections import Counter
from pathlib import Path

import PIL.Image
import PIL.ImageDraw
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from columns.models import Author, Column
from images.models import Image
from wordpress import meta, wxr
from wordpress.load import WxrImport

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo.wxr.xml"
SCHEDULED_AHEAD = datetime.timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Load the demo site (outlets, authors, columns, mentions) from demo/demo.wxr.xml. "
        "Safe to run again."
    )

    @transaction.atomic
    def handle(self, *args, verbosity, **options):
        reader = wxr.read_wxr(str(DEMO_FILE))
        posts, counts = {}, Counter()
        for entry in reader:
            counts[_what(entry)] += 1
            if isinstance(entry, wxr.Item) and entry.post_type == "post":
                posts[entry.post_name] = _import_guid(entry)
        adopt_earlier_demo(posts)
        go_live = timezone.now().replace(microsecond=0) + SCHEDULED_AHEAD
        importer = WxrImport(log=self.stdout.write if verbosity >= 2 else None)
        summary = importer.run(scheduled_at(reader, go_live))
        add_portrait()
        if verbosity >= 2:
            for line in summary.lines():
                self.stdout.write(line)
        self.stdout.write(
            f"Demo site ready: {counts['outlets']} outlets, {counts['authors']} authors, "
            f"{counts['columns']} columns, {counts['mentions']} mentions."
        )


def scheduled_at(entries, go_live):
    """The file's entries, with its scheduled posts (status "future") going up at `go_live`."""
    for entry in entries:
        if isinstance(entry, wxr.Item) and entry.post_type == "post" and entry.status == "future":
            # The importer takes the posting time of our own exports from this meta.
            entry.meta[meta.key("posted_at")] = [meta.date_to_text(go_live)]
        yield entry


def add_portrait():
    """A drawn head-and-shoulders portrait for an owner without a photo (the demo's people
    are invented, so no photograph would do)."""
    owner = Author.objects.filter(is_owner=True, photo=None).first()
    if owner is None:
        return
    picture = PIL.Image.new("RGB", (480, 480), (214, 228, 240))
    draw = PIL.ImageDraw.Draw(picture)
    draw.ellipse((80, 330, 400, 650), fill=(40, 78, 120))  # shoulders
    draw.ellipse((160, 100, 320, 290), fill=(176, 130, 100))  # face
    draw.pieslice((150, 80, 330, 270), 180, 360, fill=(45, 35, 30))  # hair
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    photo = Image(
        alt=f"Portrait of {owner.name} (a drawing)",
        credit="Illustration",
        file=ContentFile(buffer.getvalue(), name="portrait.png"),
    )
    photo.save()
    owner.photo = photo
    owner.save(update_fields=["photo"])


def adopt_earlier_demo(posts):
    """Let the importer recognise columns that a load_demo of before the file wrote.

    Those came from Python data and carry no import origin, so the importer would take every
    post for a new one and add the demo a second time beside the first (`make run` loads the
    demo into an existing db.sqlite3). Given the guid of its post, each is found and updated.
    """
    earlier = Column.objects.filter(wordpress_id=None, wordpress_guid="", slug__in=posts)
    for pk, slug in earlier.values_list("pk", "slug"):
        Column.objects.filter(pk=pk).update(wordpress_guid=posts[slug])


def _import_guid(item):
    # The guid the importer matches the post by: the original post's, when the file was
    # exported from an import.
    original = meta.original_post(item)
    return original[2] if original else item.guid


def _what(entry):
    if isinstance(entry, wxr.OutletData):
        return "outlets"
    if isinstance(entry, wxr.Author):
        return "authors"
    if isinstance(entry, wxr.Item):
        return {"post": "columns", "columnist_mention": "mentions"}.get(entry.post_type, "other")
    return "other"
