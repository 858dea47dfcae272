"""The JSON exchange format (docs/exchange-format.md): plain Python, no Qt, no SQL."""
