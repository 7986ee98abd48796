"""
The rich-text editor for a column's intro note and body (django-prose-editor).

The editor offers exactly what the sanitiser (core/html.py) keeps: headings, bold and italic,
links, lists, blockquotes, and images with captions (figure/figcaption). The model sanitises
again at save, so nothing the editor or a hand-edited form sends can add more.

ProseMirror drops HTML comments, so the body's `<!--more-->` excerpt marker is shown in the
editor as a paragraph reading "[more]" and turned back into the marker on save.
"""

import re

from django.conf import settings
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from core.html import MORE_MARKER, clean_html
from core.html_tokens import COMMENT, TAG, TEXT, tokens

EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    # "Browse..." in the figure dialog: upload or pick a library image (images/admin.py).
    "Figure": {"pickerUrl": f"/{settings.ADMIN_PATH}images/image/pick/"},
    "Caption": True,
    "Image": True,
    "HTML": True,
    "History": True,
    "TrailingParagraph": True,  # ours (settings: DJANGO_PROSE_EDITOR_EXTENSIONS)
}

MORE_PLACEHOLDER = "<p>[more]</p>"
# The empty paragraphs that end the document in the editor (TrailingParagraph), not kept.
_TRAILING_EMPTY = re.compile(r"(?:<p>(?:\s|&nbsp;|<br\s*/?>)*</p>\s*)+$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"<p>\s*\[more\]\s*</p>", re.IGNORECASE)


def marker_to_placeholder(html):
    return (html or "").replace(MORE_MARKER, MORE_PLACEHOLDER, 1)


def placeholder_to_marker(html):
    html = _TRAILING_EMPTY.sub("", html or "")
    return _PLACEHOLDER.sub(MORE_MARKER, html, count=1)


# Set on library images at save (images/html.py), never by the editor.
DERIVED_IMAGE_ATTRIBUTES = {"width", "height", "srcset", "sizes", "loading"}


def normalised(html):
    """What a reader would get from `html`, ignoring how it is written (spacing, entities,
    attribute order, what the sanitiser or the image library sets at save)."""
    items = []
    for token in tokens(clean_html(placeholder_to_marker(html))):
        if token.kind == TEXT:
            text = " ".join(token.text.replace("&nbsp;", " ").split())
            if text:
                items.append(("text", text))
        elif token.kind == TAG:
            attributes = token.attributes()
            if token.name == "img":
                attributes = {
                    k: v for k, v in attributes.items() if k not in DERIVED_IMAGE_ATTRIBUTES
                }
            items.append((token.name, token.closing, tuple(sorted(attributes.items()))))
        elif token.kind == COMMENT:
            items.append(("comment", token.text))
    return items


class RichTextField(ProseEditorFormField):
    """A prose editor for stored HTML; sanitising is left to the model."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            *args,
            extensions=EXTENSIONS,
            sanitize=False,
            widget=AdminProseEditorWidget,
            **kwargs,
        )

    def prepare_value(self, value):
        return marker_to_placeholder(super().prepare_value(value))

    def clean(self, value):
        return placeholder_to_marker(super().clean(value))

    def has_changed(self, initial, data):
        # The editor writes the same text its own way; only a change a reader sees counts
        # (else every save logged "Changed body").
        return normalised(initial or "") != normalised(data or "")


class EditorMediaMixin:
    """
    The editor needs one inline `<script type="importmap">`; the Content-Security-Policy lets it
    run through the request's nonce (django-csp), and no other inline script.
    """

    def render_change_form(self, request, context, *args, **kwargs):
        nonce = getattr(request, "csp_nonce", "")
        context["media"] = Media.from_media(context["media"], nonce=str(nonce))
        return super().render_change_form(request, context, *args, **kwargs)
