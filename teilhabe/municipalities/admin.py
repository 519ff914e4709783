"""Django's admin for municipalities (who may use the admin: accounts/admin.py)."""

from django.contrib import admin

from teilhabe.municipalities.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "ags", "federal_state"]
    search_fields = ["name", "slug", "ags"]
    prepopulated_fields = {"slug": ["name"]}
