# The API and scheduler image (docker-compose.yml). Neo4j runs in its own official image.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY scamgraph ./scamgraph
COPY ingest ./ingest
COPY graph ./graph
COPY api ./api
COPY cypher ./cypher
COPY jobs ./jobs
COPY synth ./synth
RUN pip install --no-cache-dir .
USER nobody
EXPOSE 8000
CMD ["scamgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
