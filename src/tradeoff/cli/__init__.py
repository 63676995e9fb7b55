"""The command-line adapter: thin typer commands over the services in the other packages."""
