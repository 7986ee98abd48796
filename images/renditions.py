"""Checking uploads and making the smaller copies of an image, once, through the storage API."""

import hashlib
import io
import os

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

NOT_AN_IMAGE = (
    "This file is not an image we can read, or it is damaged. Upload a JPEG, PNG, WebP or GIF file."
)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def rendition_widths():
    return getattr(settings, "IMAGE_RENDITION_WIDTHS", [480, 960, 1600])


def validate_image_upload(upload):
    """Refuse oversized, non-image, corrupt or gigantic uploads with a message that says so."""
    limit = settings.IMAGE_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}; images may be at most "
            f"{filesizeformat(limit)}. Export a smaller copy and upload that.",
            code="too_large",
        )
    try:
        upload.seek(0)
        with PIL.Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if width * height > settings.IMAGE_UPLOAD_MAX_PIXELS:
                raise ValidationError(
                    f"This image is {width} by {height} pixels, too large to resize safely.",
                    code="too_many_pixels",
                )
            image.load()  # decodes every pixel: a truncated or damaged file fails here
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, PIL.Image.DecompressionBombError):
        # UnidentifiedImageError is an OSError; damaged data raises any of these.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(
            f"{image_format} images are not accepted. Upload a JPEG, PNG, WebP or GIF file.",
            code="format",
        )


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
