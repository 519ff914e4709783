"""`teilhabe import_district_map FILE --municipality SLUG [--key-property NAME]`: the district boundaries.

The same as the office's upload on the page "Stadtteilkarte": the GeoJSON is checked (nothing is stored when
anything is wrong), replaces the stored map, and the command says which districts of the figures have no
shape and which shapes no figures, in the page's words.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teilhabe.statistics import district_maps, geo
from teilhabe.statistics.extract.errors import _msg


class Command(BaseCommand):
    help = "Importiert die Umrisse der Stadtteile (GeoJSON, WGS84 oder ETRS89/UTM32N) für die Stadtteilkarte."

    def add_arguments(self, parser):
        parser.add_argument("file", help="GeoJSON-Datei mit einem Objekt je Stadtteil")
        parser.add_argument("--municipality", required=True, help="Kurzname (slug) der Kommune")
        parser.add_argument(
            "--key-property",
            help="Eigenschaft mit dem Stadtteil wie im Registerauszug (sonst wird sie gesucht)",
        )

    def handle(self, *args, **options):
        from teilhabe.municipalities.models import Municipality

        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError("Unbekannte Kommune „%s“." % options["municipality"])
        path = Path(options["file"])
        try:
            if not path.is_file():
                raise geo.DistrictMapError(path.name, [_msg("not_found")])
            size = path.stat().st_size
            if size > geo.MAX_FILE_BYTES:  # before reading it into memory, as on the page
                raise geo.DistrictMapError(path.name, [geo.too_large(size)])
            stored, read = district_maps.store_district_map(
                municipality, path.read_bytes(), path.name, key_property=options["key_property"] or None
            )
        except geo.DistrictMapError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(district_maps.stored_message(stored, read))
        for line in district_maps.coverage(municipality, stored).lines:
            self.stdout.write(line)
