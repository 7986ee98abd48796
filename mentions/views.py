from django.views.generic import ListView

from .models import Mention


class MentionListView(ListView):
    template_name = "mentions/mention_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Mention.objects.published().with_listing_data()
