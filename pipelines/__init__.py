"""Pipelines: read analysts' CSV files, validate, convert units, store, rebuild derived tables."""
