"""Two versions side by side: each section's lines of text in both, and whether they differ."""

from teilhabe.reports.render.document import document, text_lines


def compare(earlier, later) -> list[dict]:
    before = {part.key: part for part in document(earlier)}
    after = {part.key: part for part in document(later)}
    keys = [k for k in after] + [k for k in before if k not in after]
    rows = []
    for key in keys:
        a, b = before.get(key), after.get(key)
        lines_a = text_lines(a) if a else []
        lines_b = text_lines(b) if b else []
        rows.append(
            {
                "key": key,
                "title": (b or a).title,
                "before": lines_a,
                "after": lines_b,
                "changed": lines_a != lines_b,
                "added": [line for line in lines_b if line not in set(lines_a)],
                "removed": [line for line in lines_a if line not in set(lines_b)],
            }
        )
    return rows
