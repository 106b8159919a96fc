"""The import history room: every batch with its provenance, rows and undo."""
