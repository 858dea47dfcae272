"""`python -m tradesman` runs the same command line as the `tradesman` script."""

import sys

from tradesman.cli import main

sys.exit(main())
