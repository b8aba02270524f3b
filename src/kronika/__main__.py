"""``python -m kronika`` runs the CLI."""

from .cli import main

main()
