"""The office's pages of the information products: series, issues, items, texts and their translations,
preview and print."""

from django.urls import path

from teilhabe.bulletins.views import issues, series, texts

app_name = "bulletins"
urlpatterns = [
    path("", series.series_list, name="list"),
    path("neu/", series.series_create, name="series_create"),
    path("<int:bulletin_id>/", series.series_detail, name="series"),
    path("<int:bulletin_id>/bearbeiten/", series.series_edit, name="series_edit"),
    path("<int:bulletin_id>/ausgabe-neu/", series.issue_create, name="issue_create"),
    path("ausgaben/<int:issue_id>/", issues.issue_detail, name="issue"),
    path("ausgaben/<int:issue_id>/bearbeiten/", issues.issue_edit, name="issue_edit"),
    path("ausgaben/<int:issue_id>/stand/", issues.issue_state, name="issue_state"),
    path("ausgaben/<int:issue_id>/beitrag-neu/", issues.item_add, name="item_add"),
    path("ausgaben/<int:issue_id>/vorschau/<str:bulletin_language>/", issues.preview, name="preview"),
    path("ausgaben/<int:issue_id>/pdf/<str:bulletin_language>/", issues.issue_pdf, name="pdf"),
    path("ausgaben/<int:issue_id>/vorwort/<str:bulletin_language>/", texts.editorial_edit, name="editorial"),
    path("beitraege/<int:item_id>/entfernen/", issues.item_remove, name="item_remove"),
    path("beitraege/<int:item_id>/verschieben/", issues.item_move, name="item_move"),
    path("beitraege/<int:item_id>/themen/", issues.item_topics, name="item_topics"),
    path("beitraege/<int:item_id>/text/<str:bulletin_language>/", texts.item_text_edit, name="item_text"),
    path(
        "beitraege/<int:item_id>/maschinell/<str:bulletin_language>/",
        texts.item_machine_translate,
        name="item_machine",
    ),
    path("fassungen/<int:version_id>/pruefen/", texts.version_approve, name="version_approve"),
]
