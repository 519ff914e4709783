"""What the renderers share: the document's blocks as dicts (for templates), the assets as bytes, and the
chart picture for a chart block."""

import base64

from teilhabe.reports.render.chart import implementation_png


def asset_bytes(data, key) -> tuple[bytes, str] | None:
    asset = data.get("assets", {}).get(key)
    if not asset:
        return None
    return base64.b64decode(asset["data"]), asset["mime"]


def data_uri(data, key) -> str:
    asset = data.get("assets", {}).get(key)
    return "data:%s;base64,%s" % (asset["mime"], asset["data"]) if asset else ""


def bullet_items(items):
    return [
        {"text": item[0], "sub": list(item[1])}
        if isinstance(item, tuple | list)
        else {"text": item, "sub": []}
        for item in items
    ]


def as_dict(block, data):
    kind = block[0]
    if kind in ("p", "small"):
        return {"kind": kind, "lines": block[1].splitlines() or [""]}
    if kind == "bullets":
        return {"kind": kind, "items": bullet_items(block[1])}
    if kind == "table":
        return {"kind": kind, "header": block[1], "rows": block[2], "caption": block[3]}
    if kind == "chart":
        png = implementation_png(block[1])
        uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        return {"kind": kind, "src": uri, "alt": block[2], "numbers": block[3].splitlines()}
    if kind == "picture":
        return {"kind": kind, "src": data_uri(data, block[1]), "alt": block[2], "credit": block[3]}
    raise ValueError(kind)
