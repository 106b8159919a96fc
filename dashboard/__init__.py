"""The Dash app: public progress pages and the logged-in workspace, reading the database only."""
