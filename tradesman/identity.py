"""Who the app is: one source of truth for its id, name and version.

The build (pyproject), the desktop entry, the AppStream metainfo and the code all
read these values, so they can never disagree.
"""

from __future__ import annotations

APP_ID = "org.tradesman.Tradesman"
APP_NAME = "Tradesman"
VERSION = "0.1.0"
ORGANIZATION = "Tradesman"
LICENSE_NAME = "GNU General Public License, version 3 or later"
