"""Progress analytics: pure functions over DataFrames (queries.py and health.py read the database)."""
