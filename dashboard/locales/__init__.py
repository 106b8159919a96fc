"""Texts of the dashboard: gettext catalogues per language (nl, en, fr), read with Babel."""
