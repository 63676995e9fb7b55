"""`python -m tradeoff` runs the CLI, for machines where the console script is not on PATH."""

from tradeoff.cli.main import main

main()
