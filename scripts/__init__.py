"""The handbook's tools: generators, recorders, benchmarks and command-line helpers.

Each tool is run as `python -m scripts.<tool>` from the repository root (the
Makefile targets do this) and has its tests in tests/scripts/.
"""
