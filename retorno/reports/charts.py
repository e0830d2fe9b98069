"""Chart specifications (for static/retorno/reports-charts.js) built from presented tables."""

from retorno.reports.presentation import Table

PALETTE = ["#1f5f8b", "#d9822b", "#3a8d5c", "#8b3a62", "#6b6b6b", "#b5a233"]


def chart_spec(table: Table, kind: str = "bar", *, horizontal: bool = False) -> dict:
    """One series for one breakdown; one series per value of the second breakdown otherwise."""
    if not table.keys:
        return {"type": kind, "labels": [table.title], "datasets": [_dataset(table.title, [table.total], 0)]}
    if len(table.keys) == 1:
        labels = [r[0] for r in table.rows]
        return {
            "type": kind,
            "horizontal": horizontal,
            "labels": labels,
            "datasets": [_dataset(table.title, [r[-1] for r in table.rows], 0)],
        }
    labels = list(dict.fromkeys(r[0] for r in table.rows))
    series = list(dict.fromkeys(r[1] for r in table.rows))
    values = {(r[0], r[1]): r[-1] for r in table.rows}
    datasets = [_dataset(s, [values.get((x, s), 0) for x in labels], n) for n, s in enumerate(series)]
    return {"type": kind, "horizontal": horizontal, "labels": labels, "datasets": datasets}


def _dataset(label: str, data: list, n: int) -> dict:
    colour = PALETTE[n % len(PALETTE)]
    return {"label": str(label), "data": data, "backgroundColor": colour, "borderColor": colour}
