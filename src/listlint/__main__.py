"""`python -m listlint`."""

from listlint.cli.main import main

main()
