"""`tradeoff serve`: the web app on this machine (FastAPI under uvicorn)."""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import webbrowser

import typer

LOCAL_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_free(host: str, port: int) -> None:
    """Refuse a port another program holds with one line, before uvicorn logs a traceback."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise typer.BadParameter(f"cannot resolve {host!r}; pass --host 127.0.0.1") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise typer.BadParameter(
                f"cannot listen on {host}:{port} ({exc.strerror}); pass --port with another"
                " port, e.g. --port 8001"
            ) from None


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in a browser."),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
    accounts: bool = typer.Option(
        False,
        "--accounts",
        envvar="TRADEOFF_ACCOUNTS",
        help="Sign-up and sign-in; each user sees only their own sessions. Default: single-user.",
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        max=64,
        help="App processes sharing the port and the database (one per core under load).",
    ),
) -> None:
    """The web app: library, review, practice room and progress in a browser."""
    import uvicorn

    from tradeoff.store import database_url
    from tradeoff.web import create_app
    from tradeoff.web import workers as workers_module

    _check_free(host, port)
    address = f"http://{host}:{port}/"
    mode = "with accounts" if accounts else "single-user, no sign-in"
    many = f", {workers} processes" if workers > 1 else ""
    typer.echo(f"tradeoff is serving at {address} ({mode}{many}; Ctrl-C stops it)")
    if not accounts and not is_loopback(host):
        typer.echo(
            f"warning: single-user mode on {host}: anyone who can reach it sees and changes"
            " every session; add --accounts to ask for sign-in",
            err=True,
        )
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    if workers == 1:
        app = create_app(db, accounts_mode=accounts)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Each worker process builds its own app from the environment: the same database (the
    # app keeps nothing in memory between requests, so any process serves any request).
    os.environ["TRADEOFF_DATABASE_URL"] = database_url(db)
    os.environ["TRADEOFF_ACCOUNTS"] = "1" if accounts else ""
    if workers_module.spreads_connections():
        workers_module.run(host, port, workers)  # a socket each: the load splits evenly
        return
    uvicorn.run(
        "tradeoff.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
