from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from core.content import PublicContent
from core.html import clean_html, excerpt_html
from core.links import dated_url, slug_url
from core.signals import page_moved
from core.uploads import image_upload_validator

PROFILE_LINK_SCHEMES = ["http", "https"]


def validate_profile_links(value):
    check = URLValidator(schemes=PROFILE_LINK_SCHEMES)
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError:
                raise ValidationError(
                    "Each line must be one http(s) address: %(line)s is not.",
                    params={"line": line.strip()[:200]},
                ) from None


validate_fediverse_handle = RegexValidator(
    r"^@[A-Za-z0-9_.-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,}$",
    "Write the handle as @name@server, e.g. @jane@mastodon.social.",
)


class Author(PublicContent):
    """The site's owner or a co-author. Authors are people in bylines, not logins."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    bio = models.TextField(
        blank=True,
        default="",
        help_text="The default bio line, used where a column does not print its own.",
    )
    website = models.URLField(blank=True, default="")
    is_owner = models.BooleanField(
        "site owner", default=False, help_text="The analyst whose site this is. Only one."
    )
    # The profile: shown on the author's page and, for the site owner, in the header and on About.
    photo = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,  # an image in use is not deleted from under the author
        null=True,
        blank=True,
        related_name="+",
        help_text="A portrait, from the image library.",
    )
    about = models.TextField(
        "long bio",
        blank=True,
        default="",
        help_text="The full bio for the About and author pages. Plain text; a blank line starts "
        "a new paragraph.",
    )
    profile_links = models.TextField(
        "other profiles",
        blank=True,
        default="",
        validators=[validate_profile_links],
        help_text="Addresses of this person's other profiles (institution page, Mastodon, "
        "LinkedIn, ORCID...), one per line. Shown as links and given to search engines as "
        "the same person.",
    )
    contact_email = models.EmailField(
        blank=True, default="", help_text="Shown on the About page, if given."
    )
    fediverse_handle = models.CharField(
        max_length=200,
        blank=True,
        default="",
        validators=[validate_fediverse_handle],
        help_text="e.g. @jane@mastodon.social: Mastodon credits this person on shared links.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_owner"], condition=Q(is_owner=True), name="only_one_site_owner"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("columns:author", self.slug)

    @property
    def profile_urls(self):
        """The other profiles' addresses, in the editor's order (schema.org's sameAs); only
        http(s) ones, whatever wrote the field (the form checks it; a bulk write may not)."""
        lines = (line.strip() for line in self.profile_links.splitlines())
        return [line for line in lines if line.lower().startswith(("https://", "http://"))]


class TaggedColumn(PublicContent, TaggedItemBase):
    content_object = models.ForeignKey("Column", on_delete=models.CASCADE)
    # A tag in use is never deleted (that would untag silently): merged instead (tags/merge.py).
    tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_column_tag"),
        ]


# A column's fields that only editors and the importer read (without_internals()).
INTERNAL_FIELDS = (
    "original_html",
    "search_vector",
    "wordpress_fields",
    "wordpress_hash",
    "wordpress_guid",
    "possible_mentions",
)


class ColumnQuerySet(models.QuerySet):
    def published(self):
        """Columns a reader may see: published, and posted at a time that has come."""
        return self.filter(status=Column.Status.PUBLISHED, posted_at__lte=timezone.now())

    def without_internals(self, text=True):
        """Leave out what no public page shows, the bulk of a row: the original page's HTML,
        the search document, the importer's bookkeeping and the possible press mentions (on
        the benchmark corpus they made loading ten columns cost 2.0 ms, 1.4 of them in
        transfer and decoding, against 0.1 ms of PostgreSQL's work). Without `text`, the
        intro and body too, which cards do not show (a list page)."""
        fields = INTERNAL_FIELDS if text else (*INTERNAL_FIELDS, "intro", "body")
        return self.defer(*fields)

    def for_cards(self):
        """What a list of cards loads with its columns: their outlets. The cards read their
        bylines themselves, only for the cards not kept rendered (templatetags/cards.py)."""
        return self.without_internals(text=False).select_related("outlet")

    def with_listing_data(self, portraits=False):
        """What a list of columns shows, in a fixed number of queries; with `portraits`, the
        authors' photos too (a column's page names them in its structured data)."""
        return self.select_related("outlet").prefetch_related(*self.listing_lookups(portraits))

    def listing_lookups(self, portraits=False):
        """with_listing_data()'s lookups, for columns already loaded with their outlets
        (`prefetch_related_objects`): their tags and their bylines with their authors."""
        authors = ["author", "author__photo"] if portraits else ["author"]
        byline = models.Prefetch("bylines", queryset=Byline.objects.select_related(*authors))
        return ["tags", byline]


def prefetch_card_data(columns):
    """Load what the cards of `columns` show besides their rows and outlets (for_cards()):
    their bylines with their authors, in one query."""
    byline = models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))
    models.prefetch_related_objects(columns, byline)


class Column(PublicContent):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class ArticleType(models.TextChoices):
        OPINION = "OpinionNewsArticle", "Opinion (argues a view)"
        ANALYSIS = "AnalysisNewsArticle", "Analysis (interprets the news)"

    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=200, help_text="Part of the column's address; unique within its date."
    )
    dek = models.TextField(
        "standfirst", blank=True, default="", help_text="The one-sentence summary under the title."
    )
    # Intro and body are stored sanitised (see save()), so templates can print them as safe.
    intro = models.TextField(
        "intro note",
        blank=True,
        default="",
        help_text="Your own framing of the piece, shown apart from the article (HTML).",
    )
    body = models.TextField(
        blank=True,
        default="",
        help_text="The article (HTML). A “more” marker (&lt;!--more--&gt;) ends the excerpt.",
    )
    excerpt = models.TextField(
        blank=True,
        default="",
        help_text="Optional; else the body up to the “more” marker, else its first paragraph.",
    )
    outlet = models.ForeignKey(
        "outlets.Outlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="columns",
        help_text="Where the column was published. Leave empty for a post only on this site.",
    )
    original_url = models.URLField("original URL", max_length=500, blank=True, default="")
    outlet_published_at = models.DateTimeField(
        "published at the outlet", null=True, blank=True, help_text="The outlet's PUBLISHED stamp."
    )
    outlet_updated_at = models.DateTimeField(
        "updated at the outlet", null=True, blank=True, help_text="The outlet's UPDATED stamp."
    )
    print_headline = models.CharField(
        "print-edition headline",
        max_length=300,
        blank=True,
        default="",
        help_text="The headline in the outlet's print edition, when it differed.",
    )
    article_type = models.CharField(
        "kind of piece",
        max_length=30,
        choices=ArticleType.choices,
        default=ArticleType.OPINION,
        help_text="How search engines and citation managers are told to file it.",
    )
    exclusive = models.BooleanField("written exclusively for the outlet", default=False)
    original_gone_since = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="Set by check_originals once the original has failed for several days.",
    )
    archived_url = models.URLField(
        "archived copy",
        max_length=1000,
        blank=True,
        default="",
        help_text="A copy of the original kept by a web archive; check_originals finds or makes "
        "one. Shown to readers when the original is gone.",
    )
    canonical_is_original = models.BooleanField(
        "canonical link points to the original",
        default=False,
        help_text="For pieces republished here in full: search engines are sent to the outlet.",
    )
    image = models.ImageField(
        "featured image",
        upload_to="columns/%Y/",
        blank=True,
        default="",
        validators=[image_upload_validator],
    )
    image_alt = models.CharField("image alt text", max_length=300, blank=True, default="")
    image_caption = models.CharField("image caption", max_length=500, blank=True, default="")
    image_url = models.URLField(
        "featured image address",
        max_length=500,
        blank=True,
        default="",
        help_text="An image kept elsewhere (e.g. on the old WordPress site), shown when no "
        "featured image is uploaded.",
    )
    authors = models.ManyToManyField(Author, through="Byline", related_name="columns")
    tags = TaggableManager(through=TaggedColumn, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    posted_at = models.DateTimeField(
        "posted on this site",
        default=timezone.now,
        help_text="A column is public once it is published and this time has passed: "
        "a future time schedules it.",
    )
    # Derived at save: the column's date orders it and dates its address and archives.
    date = models.DateTimeField(editable=False, db_index=True)
    day = models.DateField(editable=False)
    excerpt_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    # The search document, kept current by discovery/search.py (GIN-indexed on PostgreSQL).
    search_vector = SearchVectorField(null=True, editable=False)
    # Set by `import_wxr`: where the column came from, so importing again updates it.
    wordpress_site = models.CharField(max_length=200, blank=True, default="", editable=False)
    wordpress_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    wordpress_guid = models.CharField(max_length=500, blank=True, default="", editable=False)
    wordpress_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    # What the import last wrote, per field, as fingerprints: a newer export changes a field
    # only where an editor has not changed it since (wordpress/merge.py).
    wordpress_fields = models.JSONField(default=dict, blank=True, editable=False)
    needs_review = models.BooleanField(
        default=False,
        help_text="The importer moved parts of the post's text into fields: check them against "
        "the original text.",
    )
    original_html = models.TextField(
        "original text",
        blank=True,
        default="",
        editable=False,
        help_text="The imported post as WordPress showed it, before the rules structured it.",
    )
    # [{"sentence", "outlets", "topic", "kind"}]: intro sentences that read like press work but
    # gave no mention, with the importer's guess at them; the column's review panel lists them.
    possible_mentions = models.JSONField(
        "possible press mentions",
        default=list,
        blank=True,
        editable=False,
        help_text="Sentences of the imported intro that read like press work but gave no "
        "mention: turn each into mentions, or dismiss it.",
    )

    objects = ColumnQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        get_latest_by = "date"
        constraints = [
            models.UniqueConstraint(fields=["day", "slug"], name="unique_column_slug_per_day"),
            models.UniqueConstraint(
                fields=["wordpress_site", "wordpress_id"],
                condition=Q(wordpress_id__isnull=False),
                name="unique_wordpress_post",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-date"], name="column_status_date"),
            models.Index(fields=["day"], name="column_day"),
            models.Index(fields=["outlet", "-date"], name="column_outlet_date"),
            # The sitemap index's date: the latest edit of a public column, read from the top.
            models.Index(fields=["-modified_at"], name="column_modified_at"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        old_url = self._saved_url()
        super().save(*args, **kwargs)
        if old_url and old_url != self.get_absolute_url():
            # A renamed slug or a changed date leaves the old address redirecting here.
            page_moved.send(Column, old_path=old_url, new_path=self.get_absolute_url())

    def get_absolute_url(self):
        return dated_url("columns:detail", self.day, self.slug)

    @classmethod
    def scheduled(cls, limit):
        # The inverse of published(): published, but posted in the future.
        columns = cls.objects.filter(status=cls.Status.PUBLISHED, posted_at__gt=timezone.now())
        columns = columns.order_by("posted_at", "pk").select_related("outlet")
        columns = columns.prefetch_related("tags", "authors")
        return [(column.posted_at, column) for column in columns[:limit]]

    def forget_possible_mention(self, sentence):
        """Stop listing a possible press mention (logged or dismissed); whether it was listed."""
        kept = [p for p in self.possible_mentions if p.get("sentence") != sentence]
        if len(kept) == len(self.possible_mentions):
            return False
        self.possible_mentions = kept
        self.save(update_fields=["possible_mentions", "modified_at"])
        return True

    def derive_fields(self, sanitised=False):
        """Sanitise and compute what is derived at save; bulk imports call it themselves.
        `sanitised`: intro and body were just made by `clean_html()` (the importer's workers
        do it), so it is not run over them a second time."""
        if not self.slug:
            self.slug = slugify(self.title)[:200] or "column"
        self.date = self.outlet_published_at or self.posted_at
        self.day = self.local_day()
        if not sanitised:
            self.intro = clean_html(self.intro)
            self.body = clean_html(self.body)
        self.excerpt_html = excerpt_html(self.body, self.excerpt)

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for readers who can't see it."})
        date = self.outlet_published_at or self.posted_at
        if date and self.slug:
            day = self.local_day(date)
            clash = Column.objects.filter(day=day, slug=self.slug).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"slug": f"Another column dated {day:%d %B %Y} already uses this slug."}
                )

    def _saved_url(self):
        if self.pk is None:
            return None
        saved = Column.objects.filter(pk=self.pk).values("day", "slug").first()
        if saved is None:
            return None
        return Column(day=saved["day"], slug=saved["slug"]).get_absolute_url()

    def local_day(self, date=None):
        """The calendar day of the column: in the outlet's zone for its own stamp."""
        date = date or self.date
        if self.outlet_published_at and date == self.outlet_published_at:
            return self._outlet_day(date)
        return timezone.localtime(date).date()

    @property
    def updated_day(self):
        """The calendar day of the outlet's UPDATED stamp, read in the outlet's zone as `day`
        reads its PUBLISHED one; None without the stamp."""
        return self._outlet_day(self.outlet_updated_at) if self.outlet_updated_at else None

    def _outlet_day(self, stamp):
        # An outlet's stamp on its own calendar (its zone, when it has one).
        zone = self.outlet.zone if self.outlet_id else None
        return stamp.astimezone(zone).date() if zone else timezone.localtime(stamp).date()

    def page_cache_warm_urls(self):
        """The pages readers ask for after this column changed, besides its own and the
        site's (pagecache/warm.py): its tags', outlet's and authors' pages; for a scheduled
        column, those it will have (warmed when it goes public)."""
        if self.status != self.Status.PUBLISHED:
            return []
        urls = [reverse("tags:detail", args=[tag.slug]) for tag in self.tags.all()]
        if self.outlet_id:
            urls.append(self.outlet.get_absolute_url())
        return urls + [author.get_absolute_url() for author in self.authors.all()]

    def page_cache_periods(self):
        """The periods of the column's day: a change to it touches the cached pages that list
        columns (or a tag's, an outlet's...) of that year, month and day (pagecache/keys.py)."""
        if self.day is None:
            return ()
        return (f"{self.day:%Y}", f"{self.day:%Y-%m}", f"{self.day:%Y-%m-%d}")

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.posted_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.posted_at > timezone.now()

    @property
    def live_original_url(self):
        """The original's address while it is online; "" once check_originals found it gone
        (links, canonical, structured data and citations then point at this site's copy)."""
        return "" if self.original_gone_since else self.original_url

    @property
    def ordered_bylines(self):
        """Bylines in printed order; uses prefetched rows when there are some."""
        return sorted(self.bylines.all(), key=lambda b: (b.position, b.pk or 0))


class Byline(PublicContent):
    """One author of one column, in printed order, with the bio line printed with it."""

    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)
    bio = models.TextField(
        "bio line",
        blank=True,
        default="",
        help_text="The bio as printed with this column. Empty: the author's default bio.",
    )

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["column", "author"], name="unique_byline_author"),
        ]

    def __str__(self):
        return f"{self.author} on {self.column}"

    @property
    def printed_bio(self):
        return self.bio or self.author.bio


def forget_logged_sentence(sender, column, sentence, **kwargs):
    """The press form logged mentions from this sentence (core.signals.press_sentence_logged)."""
    column.forget_possible_mention(sentence)


def owner():
    """The site owner, or None before one is set."""
    return Author.objects.filter(is_owner=True).first()
