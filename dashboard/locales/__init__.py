"""Texts of the public dashboard in Dutch and English."""
