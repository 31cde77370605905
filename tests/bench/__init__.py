"""Tests of the benchmark harness (bench/): the generator and a tiny run of each part."""
