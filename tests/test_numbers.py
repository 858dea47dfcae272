"""Shares read the same everywhere: one rounding rule (a half rounds up), parts shown
together add up to 100 (largest remainder), and one `percent`, `fit` and `tint` in the
whole of tradesman/ for the window and both PDFs."""

from __future__ import annotations

import ast
import random
import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.numbers import area_percents, percent, share_out, whole_percent
from tradesman.domain.split import Split, WeekSplit

PACKAGE = Path(__file__).resolve().parent.parent / "tradesman"
# 25 h of 40 h on the business: 62.5 %, the share the review found printed both ways.
HALF = Split(production=15 * 60, marketing=25 * 60)


def test_a_half_percent_rounds_up_as_people_round() -> None:
    shares = [0.625, 0.375, 0.125, 57 / 200, 0.004, 0.005, 0.62, 0.0, 1.0]
    assert [whole_percent(share) for share in shares] == [63, 38, 13, 29, 0, 1, 62, 0, 100]


def test_the_window_and_the_paper_write_a_share_in_their_own_style() -> None:
    assert percent(0.625) == "63%"
    assert percent(0.625, paper=True) == "63\u00a0%"  # the sign never starts a line
    assert percent(None) == "—" and percent(None, paper=True) == "–"


def test_parts_shown_together_add_up_to_100_by_largest_remainder() -> None:
    assert share_out([1 / 3, 1 / 3, 1 / 3]) == [34, 33, 33]
    assert share_out([1, 1, 1]) == [34, 33, 33]
    # Each rounded alone, 62.5 % and 37.5 % would read 63 % and 38 %: 101 %.
    assert share_out([0.625, 0.375]) == [63, 37]
    assert share_out([0, 0]) == [0, 0]
    picks = random.Random(13)
    for _ in range(2000):
        minutes = [picks.choice((0, 15, 30, 45, 60, 90, 2000)) for _ in range(4)]
        shown = share_out(minutes)
        if sum(minutes):
            assert sum(shown) == 100, minutes
            # Largest remainder moves no part further than one from its exact share.
            for part, whole in zip(minutes, shown, strict=True):
                assert abs(whole - 100 * part / sum(minutes)) < 1, minutes


def test_the_four_areas_add_up_to_100_and_agree_with_the_business_share() -> None:
    assert area_percents(HALF) == {
        Area.PRODUCTION: 37,
        Area.MARKETING: 63,
        Area.SALES: 0,
        Area.ADMIN: 0,
    }
    thirds = Split(marketing=20, sales=20, admin=20)
    assert area_percents(thirds) == {
        Area.PRODUCTION: 0,
        Area.MARKETING: 34,
        Area.SALES: 33,
        Area.ADMIN: 33,
    }
    assert area_percents(Split()) == {}
    picks = random.Random(4)
    for _ in range(2000):
        split = Split.from_minutes({area: picks.choice((0, 15, 20, 45, 75, 400)) for area in AREAS})
        if not split.total_minutes:
            continue
        shown = area_percents(split)
        assert sum(shown.values()) == 100, split
        business = sum(shown[area] for area in AREAS if area.is_business)
        assert percent(split.business_share) == f"{business}%", split


def test_the_window_ring_says_what_the_paper_says(qtbot: QtBot) -> None:
    from tradesman.ui.charts.chart_split import SplitChart

    chart = SplitChart()
    qtbot.addWidget(chart)
    chart.resize(640, 420)
    chart.show_split(WeekSplit(HALF, Split(marketing=20, sales=20, admin=20)), 0.4, "Week 48")
    chart.grab()  # paints, and so lays out what pointing at each piece says
    texts = [hit.text for hit in chart.hits]
    middle = next(text for text in texts if text.startswith("Planned: 25 h business"))
    assert "of 40 h (63%)" in middle
    assert any("Planned · Marketing: 25 h (63% of 40 h)" in text for text in texts)
    assert any("Planned · Production: 15 h (37% of 40 h)" in text for text in texts)
    actual = [text for text in texts if text.startswith("Actual · ")]
    assert [text.split("(")[1].split("%")[0] for text in actual] == ["34", "33", "33"]


def _functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]


def test_one_percent_one_fit_one_tint_in_the_whole_package() -> None:
    """Two functions doing one job drift apart: the plan PDF once said "62 %" in a
    sentence beside a chart saying "63 %" for the same 25 h of 40 h."""
    jobs = {"percent", "percent_text", "share_text", "fit", "fit_width", "tint"}
    found: dict[str, list[str]] = {}
    formats: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent).as_posix()
        for name in _functions(path):
            if name.lstrip("_") in jobs:
                found.setdefault(name.lstrip("_"), []).append(where)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FormattedValue) or node.format_spec is None:
                continue
            # f"{share:.0%}" rounds a half to even; f"{day:%d %b}" is a date, not a share.
            words = ast.unparse(node.format_spec)[2:-1]  # f'…' without the f''
            if re.fullmatch(r"[^%]*%", words):
                formats.append(f"{where}:{node.lineno}")
    assert found == {
        "percent": ["tradesman/domain/numbers.py"],
        "fit": ["tradesman/reports/paper.py"],
        "tint": ["tradesman/reports/paper.py"],
    }
    assert formats == []
