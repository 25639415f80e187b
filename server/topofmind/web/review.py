"""Weekly review (``/review``): the last 7 days in figures, 12 weeks of touches, the week ahead."""

from __future__ import annotations

from flask import Blueprint, render_template

from ..services.weekly import review_week
from .charts import bar_chart
from .common import db, local, now, protect, user_zone

bp = protect(Blueprint("web_review", __name__))

WEEKS = 12


@bp.get("/review")
def review_page():
    moment = now()
    data = review_week(db(), moment, user_zone(), WEEKS)
    weeks = data["review"].weeks
    labels = [f"{local(week.week.start):%d %b}" for week in weeks]
    chart = bar_chart([[week.outbound for week in weeks], [week.inbound for week in weeks]], labels)
    return render_template(
        "review.html",
        chart=chart,
        weeks_total=sum(week.total for week in weeks),
        **data,
    )
