"""`python -m pipelines.cli`: the same as the `roadmap` command."""

from pipelines.cli import main

main()
