"""What the bundled executables run: the same command line as `python -m tradesman`.

PyInstaller needs a script file to start from; this one lives outside the package so
that the build analyses the installed `tradesman` (with `tradesman.resources` mapped
in from resources/), not the source folder.
"""

from tradesman.entry import run

run()
