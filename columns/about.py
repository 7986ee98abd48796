"""The owner's About page: who they are, where they publish, where to follow them."""

from django.db.models import Count
from django.http import Http404
from django.views.generic import TemplateView

from mentions.models import Mention
from outlets.models import Outlet

from . import structured
from .context_processors import site_owner
from .models import Column


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
            json_ld=structured.profile_page(owner, self.request),
            title=f"About {owner.name}",
            description=owner.bio or f"Who {owner.name} is and where to follow them.",
            og_type="profile",
            og_image=self.request.build_absolute_uri(owner.photo.file.url) if owner.photo else "",
            **kwargs,
        )
