"""Giving library images in a column body their responsive sizes (srcset), at save."""

import re

from django.utils.html import escape

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def add_srcset(body):
    """Every <img> whose src is an uploaded Image gets its width, height, srcset and sizes."""
    from .models import SIZES, Image

    tags = _IMG.findall(body or "")
    if not tags:
        return body
    srcs = {dict(_ATTR.findall(tag)).get("src", "") for tag in tags}
    by_url = {}
    for image in Image.objects.all().only("file", "width", "height", "renditions", "alt"):
        if image.file and image.file.url in srcs:
            by_url[image.file.url] = image

    def enrich(match):
        attrs = dict(_ATTR.findall(match.group(0)))
        image = by_url.get(attrs.get("src", ""))
        if image is None:
            return match.group(0)
        attrs.update(
            {
                "alt": attrs.get("alt") or image.alt,
                "width": str(image.width),
                "height": str(image.height),
                "srcset": image.srcset,
                "sizes": SIZES,
                "loading": "lazy",
            }
        )
        attrs.pop("data-file", None)
        return "<img " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"

    return _IMG.sub(enrich, body)
