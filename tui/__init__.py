"""Textual terminal UI over the provenance library."""
