"""`tradeoff serve`: the web app on this machine (FastAPI under uvicorn)."""

from __future__ import annotations

import threading
import webbrowser

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in a browser."),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """The web app: library, review, practice room and progress in a browser."""
    import uvicorn

    from tradeoff.web import create_app

    address = f"http://{host}:{port}/"
    typer.echo(f"tradeoff is serving at {address} (Ctrl-C stops it)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
