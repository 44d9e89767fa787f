"""`scamgraph serve`: the GraphQL API and the graph browser, served by uvicorn."""

from __future__ import annotations

import click

from scamgraph.settings import get_settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--print-schema", is_flag=True, help="Print the GraphQL SDL and exit.")
def serve(host: str, port: int, print_schema: bool) -> None:
    """Serve /graphql, GraphiQL at /graphiql and the browser at /."""
    # Imported here so `scamgraph db ...` does not pay for strawberry and starlette.
    import uvicorn

    from api.app import create_app
    from api.schema import sdl

    if print_schema:
        click.echo(sdl(), nl=False)
        return
    settings = get_settings()
    if not settings.api_keys.get_secret_value() and not settings.anonymous_role:
        click.secho("warning: no SCAMGRAPH_API_KEYS and no SCAMGRAPH_ANONYMOUS_ROLE: "
                    "every request will get 401", fg="yellow", err=True)
    uvicorn.run(create_app(settings), host=host, port=port,
                log_level=settings.log_level.lower(), proxy_headers=False)
