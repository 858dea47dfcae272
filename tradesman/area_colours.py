"""One set of area colours for the whole app and its paper: calendar, charts and PDFs.

Mid-tone colours that stay readable on light and dark window themes and print well
on white. Plain hex strings, so the PDFs (which never load Qt) share them.
"""

from __future__ import annotations

from tradesman.domain.areas import Area

AREA_HEX: dict[Area, str] = {
    Area.PRODUCTION: "#c7772e",  # timber orange: the work itself
    Area.MARKETING: "#2f9e68",  # green: what brings the leads
    Area.SALES: "#3a78c9",  # blue
    Area.ADMIN: "#8a6cc0",  # violet
}
