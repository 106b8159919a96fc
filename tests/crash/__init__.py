"""kill -9 of `roadmap load` at random moments: no orphan checker, no half-visible batch, the next import runs."""
