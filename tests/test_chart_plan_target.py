"""While a plan runs, the trend's target line follows the plan week by week: the charts
call it the plan's target for that week, and keep the long-term target from the
settings faintly beside it, so a first week aiming lower does not read as "my target
was lowered"."""

from __future__ import annotations

from datetime import date

from planner_kit import Planner
from PySide6.QtGui import QColor
from test_charts_page import _colours, open_charts, point_at
from test_plan_page import save_plan

from tradesman.domain.plan import Plan
from tradesman.ui.charts.chart_trend import TrendChart

LAST_MONDAY = date(2026, 11, 16)  # week 47; this week (48) is the plan's second

# From 0 % to 20 % over 4 weeks: 5 % in week 47, 10 % in week 48; the settings say 30 %.
PLAN = Plan(LAST_MONDAY, 4, 0.2, 40 * 60, typed_baseline=0.0)


def test_the_trend_names_the_plans_target_and_keeps_the_long_term_one(planner: Planner) -> None:
    save_plan(planner, PLAN)
    page = open_charts(planner)
    planner.qtbot.waitUntil(
        lambda: page.trend.trend is not None and page.trend.trend.weeks[-1].target == 0.1
    )
    legend = [label for label, _, _ in page.trend.legend(_colours(page))]
    assert "Plan's target for the week" in legend
    assert "Long-term target 30%" in legend
    assert not any(label.startswith("Target") for label in legend)

    # The week's rings aim at the plan's target too, and say so.
    rings = [label for label, _, _ in page.split.legend(_colours(page))]
    assert "Plan's target 10%" in rings and "Target 10%" not in rings
    text = point_at(planner, page.split, "Planned: 1 h business")
    assert "Plan's target this week: 10% business" in text

    text = point_at(planner, page.trend, "Week 48 · 23–29 Nov 2026")
    assert "Plan's target this week: 10%" in text
    assert "Long-term target: 30%" in text
    text = point_at(planner, page.trend, "Week 46 · 9–15 Nov 2026")  # before the plan
    assert "Target: 30%" in text and "target this week" not in text and "Long-term" not in text

    small = planner.window.week_page.compact_trend
    assert small is not None
    planner.qtbot.waitUntil(lambda: "plan's target 10%" in small.toolTip())
    assert "long-term 30%" in small.toolTip()


def test_the_long_term_target_is_drawn_faintly_across_the_plans_weeks(planner: Planner) -> None:
    save_plan(planner, PLAN)
    page = open_charts(planner)
    planner.qtbot.waitUntil(
        lambda: page.trend.trend is not None and page.trend.trend.weeks[-1].target == 0.1
    )
    assert [(hit.text.split("\n")[0]) for hit in page.trend.hits][-1].startswith("Week 48")
    chart: TrendChart = page.trend
    picture = chart.grab().toImage()
    card = _colours(page).card
    this_week = chart.hits[-1].bounds  # its column: the plot's height, one week wide
    y_30 = round(this_week.bottom() - this_week.height() * 0.3)
    y_60 = round(this_week.bottom() - this_week.height() * 0.6)

    def marked(y: int) -> bool:
        """Anything but the card's colour on this row, away from the week's own dot."""
        centre = this_week.center().x()
        xs = [x for x in range(int(this_week.left()) + 1, int(this_week.right()) - 1)
              if abs(x - centre) > 8]  # fmt: skip
        return any(QColor(picture.pixel(x, row)) != card for x in xs for row in (y - 1, y, y + 1))

    assert marked(y_30)  # the long-term target, beside the plan's 10 %
    assert not marked(y_60)  # (and an empty height stays empty: the check can fail)
