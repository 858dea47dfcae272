"""Who the app is: one source of truth for its id, name and version.

The build (pyproject reads VERSION) and the code read these values; the desktop
files that come with packaging are to read them too, so they can never disagree.
"""

from __future__ import annotations

APP_ID = "org.tradesman.Tradesman"
APP_NAME = "Tradesman"
VERSION = "0.1.0"
ORGANIZATION = "Tradesman"
LICENSE_NAME = "GNU General Public License, version 3 or later"
