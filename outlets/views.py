from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from columns.models import Column

from .models import Outlet


class OutletView(ListView):
    template_name = "outlets/outlet_detail.html"
    paginate_by = 10

    def get_queryset(self):
        self.outlet = get_object_or_404(Outlet, slug=self.kwargs["slug"])
        return Column.objects.published().filter(outlet=self.outlet).with_listing_data()

    def get_context_data(self, **kwargs):
        return super().get_context_data(outlet=self.outlet, **kwargs)
