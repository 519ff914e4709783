"""The frozen data as a neutral document: each section a list of topics (one slide each), each topic a list
of blocks. The three renderers (pdf.py, slides.py, word.py) and the version comparison read only this, so
they show the same words and numbers.

Blocks are tuples: ("p", text), ("small", text), ("bullets", [text | (text, [text])]),
("table", header, rows, caption), ("chart", chart data, alt text, numbers text),
("picture", asset key, alt text, credit)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from teilhabe.formatting import number, percent


@dataclass
class Topic:
    title: str
    blocks: list = field(default_factory=list)


@dataclass
class Part:
    key: str
    title: str
    topics: list


def document(data) -> list[Part]:
    parts = []
    for section in data["sections"]:
        build = BUILDERS.get(section["key"])
        if build is None:
            continue
        topics = build(section["title"], section["data"], data)
        if section.get("note") and topics:
            topics[-1].blocks.append(("p", section["note"]))
        parts.append(Part(section["key"], section["title"], topics))
    return parts


def _title(title, d, data):
    blocks = [("p", d["office"]), ("p", d["municipality"]), ("p", d["date_text"])]
    team = [_team_line(group) for group in d["team"]]
    if team:
        blocks.append(("bullets", team))
    if data.get("introduction"):
        blocks.append(("p", data["introduction"]))
    for credit in d.get("credits", []):
        blocks.append(("small", credit))
    return [Topic(d["title"], blocks)]


def _team_line(group):
    names = list(group["names"])
    if group.get("unnamed"):
        names.append(_("und %(n)s weitere") % {"n": group["unnamed"]} if names else "")
    names = [n for n in names if n]
    return (group["function"], names) if names else group["function"]


def _agenda(title, d, data):
    return [Topic(title, [("bullets", list(d["items"]))])]


def _team(title, d, data):
    lines = [_team_line(group) for group in d["groups"]]
    blocks = [("p", d["office"])]
    blocks.append(("bullets", lines) if lines else ("p", _("Keine Teamfunktionen eingetragen.")))
    return [Topic(title, blocks)]


def _fields_of_work(title, d, data):
    blocks = []
    concept = d.get("concept")
    if concept:
        blocks.append(
            ("p", _("Umsetzung des %(name)s") % {"name": concept["short_name"] or concept["title"]})
        )
        blocks.append(("p", concept["title"]))
    for programme in d["programmes"]:
        line = programme["name"]
        details = [p for p in (programme["funder"], programme["period"]) if p]
        if programme["activities"]:
            details.append(_("gefördert: %(list)s") % {"list": ", ".join(programme["activities"])})
        blocks.append(("bullets", [(line, details)]))
    if not blocks:
        blocks.append(("p", _("Keine Tätigkeitsfelder eingetragen.")))
    return [Topic(title, blocks)]


def _factcheck(title, d, data):
    if not d.get("rows"):
        return [Topic(title, [("p", d.get("empty", ""))])]
    blocks = [("table", d["header"], d["rows"], d["source"])]
    if d.get("suppressed_note"):
        blocks.append(("small", d["suppressed_note"]))
    return [Topic(d.get("title") or title, blocks)]


def implementation_numbers(d) -> str:
    """The chart's numbers as text (the slide's speaker notes, the chart's long description)."""
    lines = []
    labels = [c["label"] for c in d["columns"]]
    for row in d["rows"]:
        counts = ", ".join(
            "%s: %s" % (label, number(n)) for label, n in zip(labels, row["counts"], strict=True)
        )
        lines.append("%s (%s): %s" % (row["label"], number(row["total"]), counts))
    return "\n".join(lines)


def _implementation(title, d, data):
    if "rows" not in d:
        return [Topic(title, [("p", d.get("empty", ""))])]
    heading = "%s: %s" % (d["round"], _("Umsetzungsstand aller Maßnahmen"))
    intro = (
        "bullets",
        [
            _("%(n)s Handlungsfelder") % {"n": number(d["fields"])},
            _("%(n)s Ziele") % {"n": number(d["goals"])},
            _("%(n)s Maßnahmen") % {"n": number(d["measures"])},
        ],
    )
    alt = _(
        "Balkendiagramm: Anteil der Maßnahmen je Status, für alle Handlungsfelder und jedes Handlungsfeld (%(round)s)"
    ) % {"round": d["round"]}
    chart = ("chart", d, alt, implementation_numbers(d))
    header = [_("Handlungsfeld"), _("Maßnahmen"), _("begonnen"), _("umgesetzt")]
    if d.get("previous_round"):
        header.append(_("Veränderung seit %(round)s") % {"round": d["previous_round"]})
    rows = []
    for row in d["rows"]:
        cells = [
            row["label"],
            number(row["total"]),
            "%s (%s)" % (number(row["started"]), percent(_share(row["started"], row["total"]), 1)),
            "%s (%s)" % (number(row["implemented"]), percent(_share(row["implemented"], row["total"]), 1)),
        ]
        if d.get("previous_round"):
            cells.append(
                _("begonnen %(s)s, umgesetzt %(i)s")
                % {
                    "s": _signed(row["started"] - row["started_before"]),
                    "i": _signed(row["implemented"] - row["implemented_before"]),
                }
            )
        rows.append(cells)
    return [
        Topic(heading, [intro, chart]),
        Topic(_("Umsetzungsstand je Handlungsfeld"), [("table", header, rows, "")]),
    ]


def _share(part, whole):
    return 100.0 * part / whole if whole else 0.0


def _signed(n):
    return ("+" + number(n)) if n > 0 else ("±0" if n == 0 else "−" + number(-n))


def _focus(title, d, data):
    if "title" not in d:
        return [Topic(title, [("p", d.get("empty", ""))])]
    blocks = [("p", d["title"])]
    if d["description"]:
        blocks.append(("p", d["description"]))
    if d["measures"]:
        rows = [[m["number"], m["title"], m["status"], m["lead"]] for m in d["measures"]]
        blocks.append(("table", [_("Nr."), _("Maßnahme"), _("Status"), _("federführend")], rows, ""))
    return [Topic(_("Schwerpunkt für %(year)s") % {"year": d["year"]}, blocks)]


def _standing_tasks(title, d, data):
    info = [
        (b["name"], [b["audience"], _("%(n)s Ausgaben im Zeitraum") % {"n": number(b["issues"])}])
        for b in d["bulletins"]
    ]
    if d.get("factcheck_date"):
        info.append((_("Faktencheck Migration"), [_("Stichtag %(date)s") % {"date": d["factcheck_date"]}]))
    networks = []
    for n in d["networks"]:
        meetings = ["%s %s" % (m["date_text"], m["title"] or ", ".join(m["topics"])) for m in n["meetings"]]
        networks.append((n["name"], meetings) if meetings else n["name"])
    topics = [Topic(title, [])]
    if info:
        topics[0].blocks += [("p", _("Informationen bündeln")), ("bullets", info)]
    if networks:
        topics.append(Topic(_("Arbeitsgruppen und Netzwerkrunden"), [("bullets", networks)]))
    if not topics[0].blocks:
        topics = topics[1:] or [Topic(title, [("p", _("Keine laufenden Aufgaben."))])]
    return topics


def activity_lines(a) -> list:
    lines = [x for x in (a["dates"], a["venue"]) if x]
    if a["summary"]:
        lines.append(a["summary"])
    if a["partners"]:
        lines.append(_("in Kooperation mit %(list)s") % {"list": ", ".join(p["name"] for p in a["partners"])})
    if a["languages"]:
        lines.append(_("Sprachen: %(list)s") % {"list": ", ".join(a["languages"])})
    if a["participants"]:
        label = _("Teilnehmende") if a["participants_are_actual"] else _("erwartete Teilnehmende")
        lines.append("%s: %s" % (label, number(a["participants"])))
    if a["registered"]:
        lines.append(_("Anmeldungen: %(n)s") % {"n": number(a["registered"])})
    return lines


def _activities(title, d, data):
    topics = [
        Topic(
            title,
            [
                (
                    "p",
                    _("%(done)s durchgeführt, %(planned)s geplant, %(people)s Teilnehmende")
                    % {
                        "done": number(d["done"]),
                        "planned": number(d["planned"]),
                        "people": number(d["participants"]),
                    },
                )
            ],
        )
    ]
    for group in d["groups"]:
        for a in group["done"] + group["planned"]:
            heading = a["title"] if a["state"] == "done" else "%s: %s" % (_("Geplant"), a["title"])
            blocks = [("small", group["field_of_action"]), ("p", "\n".join(activity_lines(a)))]
            for picture in a["pictures"]:
                blocks.append(("picture", picture["asset"], picture["alt"], picture["credit"]))
            topics.append(Topic(heading, blocks))
    return topics


def _cooperation(title, d, data):
    if not d["departments"]:
        return [Topic(title, [("p", _("Keine Ämter eingetragen."))])]
    rows = [
        [r["name"], number(r["lead"]), number(r["involved"]), number(r["activities"])]
        for r in d["departments"]
    ]
    header = [_("Amt"), _("federführend"), _("beteiligt"), _("gemeinsame Aktivitäten")]
    caption = (
        _("Schnittstellenmanagement bei der Umsetzung der %(name)s-Maßnahmen") % {"name": d["concept"]}
        if d["concept"]
        else ""
    )
    return [Topic(title, [("table", header, rows, caption)])]


def _ideas_outlook(title, d, data):
    blocks = []
    if d["text"]:
        blocks.append(("p", d["text"]))
    if d.get("next_focus"):
        blocks.append(("p", _("Schwerpunkt %(year)s: %(title)s") % d["next_focus"]))
    taken = [(i["title"], [i["became"]]) if i["became"] else i["title"] for i in d["ideas"] if i["taken_up"]]
    other = ["%s (%s)" % (i["title"], i["state"]) for i in d["ideas"] if not i["taken_up"]]
    if taken:
        blocks += [("p", _("Daraus bereits entstanden:")), ("bullets", taken)]
    if other:
        blocks += [("p", _("Überlegungen:")), ("bullets", other)]
    if d["planned"]:
        blocks += [
            ("p", _("Geplant:")),
            ("bullets", ["%s %s" % (p["date_text"], p["title"]) for p in d["planned"]]),
        ]
    blocks.append(("p", d["closing"]))
    return [Topic(title, blocks)]


def _contact(title, d, data):
    lines = [d["office"], d["municipality"], *[x for x in (d["address"] or "").splitlines() if x.strip()]]
    if d["email"]:
        lines.append(_("E-Mail: %(v)s") % {"v": d["email"]})
    if d["phone"]:
        lines.append(_("Telefon: %(v)s") % {"v": d["phone"]})
    if d["hours"]:
        lines.append(_("Öffnungszeiten: %(v)s") % {"v": " ".join(d["hours"].split())})
    return [
        Topic(
            _("Noch Fragen?"),
            [
                ("p", _("Sollten Sie Fragen haben, können Sie sich jederzeit wenden an:")),
                ("p", "\n".join(lines)),
            ],
        )
    ]


BUILDERS = {
    "title": _title,
    "agenda": _agenda,
    "team": _team,
    "fields_of_work": _fields_of_work,
    "factcheck": _factcheck,
    "implementation": _implementation,
    "focus": _focus,
    "standing_tasks": _standing_tasks,
    "activities": _activities,
    "cooperation": _cooperation,
    "ideas_outlook": _ideas_outlook,
    "contact": _contact,
}


def text_lines(part: Part) -> list[str]:
    """Every word of a part as lines of text (the comparison of two versions)."""
    lines = []
    for topic in part.topics:
        lines.append(topic.title)
        for block in topic.blocks:
            kind = block[0]
            if kind in ("p", "small"):
                lines += block[1].splitlines()
            elif kind == "bullets":
                for item in block[1]:
                    if isinstance(item, tuple):
                        lines.append(item[0])
                        lines += ["  " + sub for sub in item[1]]
                    else:
                        lines.append(item)
            elif kind == "table":
                lines += [" | ".join(row) for row in [block[1], *block[2]]]
                if block[3]:
                    lines.append(block[3])
            elif kind == "chart":
                lines += block[3].splitlines()
            elif kind == "picture":
                lines.append("%s (%s)" % (block[2], block[3]))
    return lines
