"""The upload room: file check, column mapping, preview, background import job, templates."""
