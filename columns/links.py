"""Addresses of the date archives, which have no model of their own."""

from django.urls import reverse


def year_url(year):
    return reverse("columns:year", kwargs={"year": year})


def month_url(year, month):
    return reverse("columns:month", kwargs={"year": year, "month": month})
