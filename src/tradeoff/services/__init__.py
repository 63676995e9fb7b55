"""Thin services over the domain code, so a web route (or a CLI command) is a few lines."""
