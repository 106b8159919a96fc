"""The coordinator's room: progress, commitments and partners editors, targets, log, report."""
