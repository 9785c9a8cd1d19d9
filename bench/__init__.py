"""Benchmark harness (`make bench`, `python -m bench`): board queries vs pandas, page reruns vs their floor,
cold start, and a live audience against the real server. Writes bench/results.md and bench/results.json.
Not part of `make test`; its helpers have fast unit tests in tests/rendimiento/test_bench.py."""
