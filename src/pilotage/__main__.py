"""`python -m pilotage` does what the `pilotage` command does."""

import sys

from pilotage.cli import main

if __name__ == "__main__":
    sys.exit(main())
