"""Making the smaller copies of an image, once, through the storage API (the checks on an
upload are core/uploads.py's, shared by every image field)."""

import hashlib
import io
import os

import PIL.Image
from django.conf import settings
from django.core.files.base import ContentFile

from core.uploads import FORMATS


def rendition_widths():
    return getattr(settings, "IMAGE_RENDITION_WIDTHS", [480, 960, 1600])


def make_renditions(field_file):
    """Save narrower copies of the image next to it; returns {width: storage path}."""
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as source, PIL.Image.open(source) as image:
        image_format = image.format if image.format in FORMATS else "JPEG"
        image.load()
        stem, _ = os.path.splitext(field_file.name)
        renditions = {}
        for width in rendition_widths():
            if width >= image.width:
                continue
            height = round(image.height * width / image.width)
            copy = image.resize((width, height), PIL.Image.Resampling.LANCZOS)
            if image_format == "JPEG" and copy.mode not in ("RGB", "L"):
                copy = copy.convert("RGB")
            buffer = io.BytesIO()
            options = {"quality": 85} if image_format in {"JPEG", "WEBP"} else {}
            copy.save(buffer, format=image_format, **options)
            # Named by their content, so they are served as immutable (config/media.py).
            digest = hashlib.sha256(buffer.getvalue()).hexdigest()[:12]
            name = f"{stem}-{width}w.{digest}.{FORMATS[image_format]}"
            name = storage.save(name, ContentFile(buffer.getvalue()))
            renditions[str(width)] = name
    return renditions


def content_hash(file):
    """The SHA-256 of a file's bytes (an upload or a stored file), read in chunks."""
    digest = hashlib.sha256()
    file.open("rb")
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
