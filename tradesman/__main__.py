"""`python -m tradesman` runs the same command line as the `tradesman` script."""

from tradesman.entry import run

run()
