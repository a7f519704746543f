"""Speed and memory benchmarks: ``python bench/run.py [--quick]`` (see ``bench/README`` in the
project README's Performance section)."""
