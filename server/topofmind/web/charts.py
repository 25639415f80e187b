"""Server-rendered SVG bar charts: geometry only, the template draws it (no script, no style)."""

from __future__ import annotations

from collections.abc import Sequence

WIDTH = 600
HEIGHT = 160
BASE = 140  # y of the axis; labels sit below it
TOP = 12


def bar_chart(
    series: Sequence[Sequence[int]], labels: Sequence[str], target: float | None = None
) -> dict:
    """Stacked bars, one per label: ``series`` is a list of value lists (bottom first).

    Returns ``{bars: [{x, width, label, parts: [{y, height, value}], total}], peak, target_y,
    width, height, base}`` for a ``viewBox="0 0 600 160"``.
    """
    count = len(labels)
    totals = [sum(values[index] for values in series) for index in range(count)]
    peak = max([*totals, target or 0, 1])
    slot = WIDTH / max(count, 1)
    scale = (BASE - TOP) / peak
    bars = []
    for index in range(count):
        y: float = BASE
        parts = []
        for values in series:
            height = round(values[index] * scale, 1)
            y = round(y - height, 1)
            parts.append({"y": y, "height": height, "value": values[index]})
        bars.append(
            {
                "x": round(index * slot + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "center": round(index * slot + slot / 2, 1),
                "label": labels[index],
                "parts": parts,
                "total": totals[index],
            }
        )
    return {
        "bars": bars,
        "peak": peak,
        "target_y": round(BASE - target * scale, 1) if target else None,
        "width": WIDTH,
        "height": HEIGHT,
        "base": BASE,
    }
