from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from taggit.models import Tag


class TagAlias(models.Model):
    """Another name for a tag: typed in a tag field or imported, it becomes the tag."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(
        max_length=100, help_text='e.g. "Shanghai Cooperation Organisation" for the tag "SCO".'
    )

    class Meta:
        verbose_name_plural = "tag aliases"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_tag_alias_name")]

    def __str__(self):
        return f"{self.name} → {self.tag}"

    def clean(self):
        clash = Tag.objects.filter(name__iexact=self.name).exclude(pk=self.tag_id)
        if self.name and clash.exists():
            raise ValidationError(
                {"name": f"“{self.name}” is a tag of its own: merge the two tags instead."}
            )


class TagMerge(models.Model):
    """The audit record of a merge: which tags became which, by whom, and what moved."""

    into = models.ForeignKey(
        Tag, on_delete=models.SET_NULL, null=True, blank=True, related_name="merges"
    )
    into_name = models.CharField(max_length=100)
    merged_names = models.TextField(help_text="The merged tags' names, one per line.")
    merged_slugs = models.TextField(help_text="Their slugs, one per line; their pages redirect.")
    retagged = models.TextField(blank=True, default="", help_text='e.g. "3 columns, 1 mention".')
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self):
        merged = ", ".join(self.merged_names.splitlines())
        return f"{merged} → {self.into_name}"
