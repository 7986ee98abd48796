from django.conf import settings
from django.db import models
from django.utils.html import format_html, format_html_join

from core.uploads import image_upload_validator

from .renditions import content_hash, make_renditions

SIZES = "(min-width: 50rem) 46rem, 100vw"


class Image(models.Model):
    """An uploaded image for column bodies, with its responsive sizes made once at upload."""

    file = models.ImageField(
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[image_upload_validator],
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt = models.CharField(
        "alt text",
        max_length=300,
        help_text="What the image shows, for readers who can't see it. Required.",
    )
    caption = models.CharField(max_length=500, blank=True, default="")
    credit = models.CharField(
        max_length=200, blank=True, default="", help_text='e.g. "Photo: Reuters/Jane Roe".'
    )
    # {"480": "images/2024/03/photo-480w.jpg", ...}: the smaller copies, by width.
    renditions = models.JSONField(default=dict, editable=False)
    # The SHA-256 of the file's bytes: an image brought home twice is stored once.
    content_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_hash"], name="image_content_hash")]

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        new_file = self.pk is None or not self.renditions
        if new_file and self.file and not self.content_hash:
            self.content_hash = content_hash(self.file)
        super().save(*args, **kwargs)
        if new_file and self.file:
            self.renditions = make_renditions(self.file)
            super().save(update_fields=["renditions"])

    @property
    def srcset(self):
        storage = self.file.storage
        sources = [(storage.url(path), f"{width}w") for width, path in self.renditions.items()]
        sources.append((self.file.url, f"{self.width}w"))
        return ", ".join(f"{url} {size}" for url, size in sources)

    def figure_html(self):
        """The HTML to put in a column body: the image with its sizes, caption and credit."""
        caption = format_html_join(
            " ", "{}", [(part,) for part in [self.caption, self.credit] if part]
        )
        return format_html(
            '<figure><img src="{}" alt="{}" width="{}" height="{}" srcset="{}" sizes="{}" '
            'loading="lazy">{}</figure>',
            self.file.url,
            self.alt,
            self.width,
            self.height,
            self.srcset,
            SIZES,
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )
