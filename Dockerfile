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
COPY spark ./spark
COPY jobs.local.yaml ./
COPY tests/fixtures ./tests/fixtures
RUN pip install --no-cache-dir .
# The state directory (quarantine, snapshots, audit log, job state) must exist and belong to
# the user the image runs as: a named volume mounted there starts as a copy of it, owner
# included, so `nobody` can write. docker-compose.yml mounts its volume at the same path.
ENV SCAMGRAPH_HOME=/var/lib/scamgraph
RUN mkdir -p /var/lib/scamgraph && chown nobody:nogroup /var/lib/scamgraph \
    && chmod 0750 /var/lib/scamgraph
VOLUME ["/var/lib/scamgraph"]
USER nobody
EXPOSE 8000
CMD ["scamgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
