"""The app's routes, one module per page (and one for the JSON API)."""
