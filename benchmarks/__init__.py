"""Benchmarks of vn_diplomacy (not tests): start-up, load, query latency and growth; run `python -m benchmarks`."""
