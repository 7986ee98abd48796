from django.db import models


class MediaFile(models.Model):
    """A file brought home from an old WordPress site: where it was, and where it is now.

    An image becomes an `images.Image` (with its renditions); a document is stored as it is.
    Knowing the old address, a second run fetches nothing; knowing the content hash, the same
    file under two addresses is stored once.
    """

    source_url = models.CharField("old address", max_length=500, unique=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    image = models.ForeignKey(
        "images.Image", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    document = models.FileField(upload_to="documents/%Y/%m/", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "file brought home from WordPress"
        verbose_name_plural = "files brought home from WordPress"

    def __str__(self):
        return self.source_url

    @property
    def url(self):
        return self.image.file.url if self.image_id else self.document.url
