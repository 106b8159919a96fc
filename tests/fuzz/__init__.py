"""Fuzzing the three loaders: generated and mutated files must end in a result or in problems."""
