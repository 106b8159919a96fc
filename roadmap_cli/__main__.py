"""`python -m roadmap_cli`: the same as the `roadmap` command."""

from roadmap_cli import run

run()
