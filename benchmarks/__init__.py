"""Speed figures, run on demand: `python -m benchmarks [--articles N]`."""
