"""A tile-grid cartogram of Guatemala's 22 departments (INE codes), one equal tile each.

No openly licensed departments geometry was vendored (none in the shared reference data), so
the map is a cartogram: tiles keep the departments' rough relative positions (Petén on top,
the Pacific coast at the bottom). The ranked table under it carries the same figures.
"""

# INE code -> (column, row)
TILES = {
    "17": (3, 0),
    "13": (1, 1),
    "14": (2, 1),
    "16": (3, 1),
    "18": (4, 1),
    "12": (0, 2),
    "09": (1, 2),
    "08": (2, 2),
    "15": (3, 2),
    "02": (4, 2),
    "19": (5, 2),
    "11": (0, 3),
    "07": (1, 3),
    "04": (2, 3),
    "01": (3, 3),
    "21": (4, 3),
    "20": (5, 3),
    "10": (1, 4),
    "03": (2, 4),
    "06": (4, 4),
    "22": (5, 4),
    "05": (3, 4),
}


def tiles(values: dict[str, int | None], names: dict[str, str]) -> list[dict]:
    """Tiles with a shade 0-5 by value (None: suppressed)."""
    top = max((v for v in values.values() if v), default=0)
    out = []
    for code, (col, row) in sorted(TILES.items()):
        value = values.get(code, 0)
        shade = 0 if not value or not top else 1 + min(4, int(4 * value / top))
        out.append(
            {
                "code": code,
                "name": names.get(code, code),
                "value": value,
                "col": col + 1,
                "row": row + 1,
                "shade": shade,
            }
        )
    return out
