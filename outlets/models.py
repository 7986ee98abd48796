import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify

from core.content import PublicContent
from core.links import slug_url


def validate_timezone(value):
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a known time zone, e.g. “Asia/Hong_Kong”.")


def normalise_name(name):
    """Lower-case a name and drop a leading "the" and punctuation, for matching spellings."""
    name = re.sub(r"[^\w\s]", " ", name.casefold())
    name = re.sub(r"^\s*the\s+", "", name)
    return " ".join(name.split())


class OutletQuerySet(models.QuerySet):
    def match(self, name):
        """The outlet called `name`, by its name, short name or an alias, else None."""
        wanted = normalise_name(name)
        if not wanted:
            return None
        for outlet in self.prefetch_related("aliases"):
            spellings = [outlet.name, outlet.short_name, *(a.name for a in outlet.aliases.all())]
            if wanted in {normalise_name(s) for s in spellings if s}:
                return outlet
        return None


class Outlet(PublicContent):
    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", "Newspaper"
        MAGAZINE = "magazine", "Magazine"
        THINK_TANK = "think_tank", "Think tank"
        NEWSLETTER = "newsletter", "Newsletter"
        NEWS_AGENCY = "news_agency", "News agency"
        BROADCASTER = "broadcaster", "Broadcaster"
        PODCAST = "podcast", "Podcast"
        WEBSITE = "website", "Website"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=50, blank=True, default="", help_text='A short form, e.g. "SCMP".'
    )
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWSPAPER)
    homepage = models.URLField(blank=True, default="")
    logo = models.ImageField(upload_to="outlets/", blank=True, default="")
    description = models.TextField(blank=True, default="")
    timezone = models.CharField(
        max_length=64,
        validators=[validate_timezone],
        blank=True,
        default="",
        help_text="The outlet's own time zone: its PUBLISHED and UPDATED stamps are read in it. "
        "Leave empty to use the site's time zone.",
    )

    objects = OutletQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("outlets:detail", self.slug)

    @property
    def zone(self):
        """The outlet's time zone, or None when unknown (then the site's applies)."""
        return zoneinfo.ZoneInfo(self.timezone) if self.timezone else None


class OutletAlias(PublicContent):
    """Another spelling of an outlet's name, used to recognise it in text and imports."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "outlet aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="unique_outlet_alias_name"),
        ]

    def __str__(self):
        return self.name
