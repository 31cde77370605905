"""Cypher of the baselines and limits the benchmarks compare our code with (not used by actorgraph)."""
