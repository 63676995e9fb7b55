"""The web app: FastAPI, Jinja2 and htmx pages over the services, plus a JSON API."""

from tradeoff.web.app import create_app

__all__ = ["create_app"]
