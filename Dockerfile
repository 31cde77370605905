# The actorgraph API image for docker-compose.yml: loads seed/ then serves GraphQL on :8000.
# NEO4J_URI points at the compose service, so `actorgraph up` starts no local Neo4j.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md constraints.txt ./
COPY src ./src
RUN pip install --no-cache-dir -c constraints.txt .
COPY seed ./seed
EXPOSE 8000
CMD ["actorgraph", "up"]
