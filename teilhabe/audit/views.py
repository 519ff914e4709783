from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import NoReverseMatch

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.audit.forms import LogFilterForm
from teilhabe.audit.services import describe_entries, entries_for_municipality, filter_entries

PAGE_SIZE = 50


@role_required(OFFICE)
def log(request):
    form = LogFilterForm(request.GET or None, request.municipality)
    entries = filter_entries(entries_for_municipality(request.municipality), **form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("seite"))
    items = describe_entries(list(page.object_list))
    links = _existing_object_links(items)
    for item in items:
        item.url = links.get((item.entry.content_type_id, item.entry.object_id))
    query = request.GET.copy()
    query.pop("seite", None)
    ctx = {"form": form, "page": page, "items": items, "query": query.urlencode()}
    return render(request, "audit/log.html", ctx)


def _existing_object_links(items):
    """Links to the objects that still exist: one query per object type on the page."""
    ids_by_type = {}
    for item in items:
        if item.entry.object_id is not None:
            ids_by_type.setdefault(item.entry.content_type_id, set()).add(item.entry.object_id)
    links = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not hasattr(model, "get_absolute_url"):
            continue
        related = [f.name for f in model._meta.concrete_fields if f.name == "municipality"]
        for pk, obj in model.objects.select_related(*related).in_bulk(ids).items():
            try:
                links[(type_id, pk)] = obj.get_absolute_url()
            except NoReverseMatch:
                continue
    return links
