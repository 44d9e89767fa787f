"""The GraphQL API and the web app (strawberry on starlette); reads the graph through graph/."""
