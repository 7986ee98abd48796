import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from core.content import PublicContent
from outlets.models import Outlet


class TaggedMention(PublicContent, TaggedItemBase):
    content_object = models.ForeignKey("Mention", on_delete=models.CASCADE)
    # A tag in use is never deleted (that would untag silently): merged instead (tags/merge.py).
    tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_mention_tag"),
        ]


class MentionQuerySet(models.QuerySet):
    def published(self):
        """Mentions a reader may see: published, and dated today or earlier."""
        return self.filter(status=Mention.Status.PUBLISHED, date__lte=timezone.localdate())

    def with_listing_data(self):
        return self.select_related("outlet", "column").prefetch_related("tags")


class Mention(PublicContent):
    """A press mention or media appearance: "Spoke to Reuters about Chinese intelligence."."""

    class Kind(models.TextChoices):
        INTERVIEW = "interview", "Interview"
        QUOTED = "quoted", "Quoted"
        BROADCAST = "broadcast", "Broadcast"
        PODCAST = "podcast", "Podcast"
        PANEL = "panel", "Panel"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="mentions", help_text="The medium."
    )
    topic = models.CharField(
        max_length=300, help_text='What it was about, e.g. "the train attack in France".'
    )
    date = models.DateField(
        default=timezone.localdate, help_text="A future date keeps it hidden until that day."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.INTERVIEW)
    url = models.URLField("link", max_length=500, blank=True, default="")
    # Two notes, public by design or never: the internal one is read only in the admin (and
    # travels in the export's hidden post meta); every public path reads public_note alone.
    internal_note = models.TextField(
        "internal note (never public)",
        blank=True,
        default="",
        help_text="For you and your team only: never shown to readers, not on the site, in "
        "search, feeds or the API. Background, “not for attribution”, who arranged it.",
    )
    public_note = models.TextField(
        "public note",
        blank=True,
        default="",
        help_text="Shown to readers with the mention: on “In the media”, in search results, "
        "the feed and the API. Plain text.",
    )
    column = models.ForeignKey(
        "columns.Column",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentions",
        help_text="The column this appearance was about, if any.",
    )
    tags = TaggableManager(through=TaggedMention, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="mentions_added",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    # The search document, kept current by discovery/search.py (GIN-indexed on PostgreSQL).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        get_latest_by = "date"
        permissions = [("review_mention", "Can review and edit everyone's mentions")]
        indexes = [
            models.Index(fields=["status", "-date"], name="mention_status_date"),
            models.Index(fields=["outlet", "-date"], name="mention_outlet_date"),
        ]

    def __str__(self):
        return self.sentence

    def get_absolute_url(self):
        return reverse("mentions:list") + f"#mention-{self.pk}"

    @classmethod
    def scheduled(cls, limit):
        # The inverse of published(): published, but dated after today; public from midnight.
        mentions = cls.objects.filter(status=cls.Status.PUBLISHED, date__gt=timezone.localdate())
        mentions = mentions.order_by("date", "pk").prefetch_related("tags")[:limit]
        midnight = datetime.time.min
        return [
            (timezone.make_aware(datetime.datetime.combine(m.date, midnight)), m) for m in mentions
        ]

    SENTENCES = {
        "interview": "Spoke to {outlet} about {topic}.",
        "quoted": "Quoted by {outlet} on {topic}.",
        "broadcast": "Appeared on {outlet} to discuss {topic}.",
        "podcast": "Was a guest on {outlet}, talking about {topic}.",
        "panel": "Spoke on a panel hosted by {outlet} about {topic}.",
        "other": "Featured in {outlet} on {topic}.",
    }

    @property
    def sentence(self):
        """The public sentence, e.g. "Spoke to Reuters about Chinese intelligence abroad."."""
        return self.sentence_about(self.outlet.name)

    def sentence_about(self, outlets):
        """The sentence with `outlets` in the outlet's place ("AFP, RFI and France 24")."""
        topic = self.topic.strip().rstrip(".")
        return self.SENTENCES[self.kind].format(outlet=outlets, topic=topic)

    @property
    def public_column(self):
        """The related column when readers may see it, else None (never link a draft)."""
        return self.column if self.column_id and self.column.is_public else None
