"""The owner's About page and the structured data that says who a person is (schema.org)."""

import json

from django.db.models import Count
from django.http import Http404
from django.views.generic import TemplateView

from mentions.models import Mention
from outlets.models import Outlet

from .context_processors import site_owner
from .models import Column

# JSON inside <script> must not be able to close the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_json(data):
    """`data` as JSON safe to print inside <script type="application/ld+json">."""
    return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)


def person_data(author, request):
    """schema.org Person: name, page, bio, portrait and `sameAs` their other profiles."""
    data = {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    if author.bio:
        data["description"] = author.bio
    if author.photo_id and author.photo:
        data["image"] = request.build_absolute_uri(author.photo.file.url)
    same_as = [*author.profile_urls, *([author.website] if author.website else [])]
    if same_as:
        data["sameAs"] = list(dict.fromkeys(same_as))
    return data


def profile_page_json_ld(author, request):
    """The ProfilePage of `author` (their About or author page), as search engines read it."""
    return script_json(
        {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "url": request.build_absolute_uri(request.path),
            "mainEntity": person_data(author, request),
        }
    )


class AboutView(TemplateView):
    """Who the site's owner is: the long bio and photo, the outlets they write for with their
    counts, and where to follow them (feeds, other profiles, contact)."""

    template_name = "columns/about.html"

    def get_context_data(self, **kwargs):
        owner = site_owner(self.request)
        if owner is None:
            raise Http404("The site has no owner yet.")
        theirs = Column.objects.published().filter(authors=owner)
        outlets = (
            Outlet.objects.filter(columns__in=theirs)
            .annotate(column_count=Count("columns"))
            .order_by("-column_count", "name")
        )
        return super().get_context_data(
            owner=owner,
            outlets=outlets,
            mention_count=Mention.objects.published().count(),
            json_ld=profile_page_json_ld(owner, self.request),
            title=f"About {owner.name}",
            description=owner.bio or f"Who {owner.name} is and where to follow them.",
            og_type="profile",
            og_image=self.request.build_absolute_uri(owner.photo.file.url) if owner.photo else "",
            **kwargs,
        )
