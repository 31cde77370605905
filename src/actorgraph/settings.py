"""Settings from the environment and ``.env``.

Neo4j's own variables keep their conventional names (``NEO4J_URI`` ...) so the same ``.env`` works
with Neo4j's tools and Docker images; everything else is ``ACTORGRAPH_``-prefixed. Settings are read
through :func:`get_settings`, never at import, so tests and the CLI decide when (and with what).
"""

from __future__ import annotations

import getpass
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
#: The password a local server gets when none is set; published in the README, so never for a remote server.
DEFAULT_NEO4J_PASSWORD = "actorgraph"


class Settings(BaseSettings):
    """Everything actorgraph can be configured with; see README for the table."""

    model_config = SettingsConfigDict(
        env_prefix="ACTORGRAPH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    neo4j_uri: str = Field("bolt://127.0.0.1:7687", validation_alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(SecretStr(DEFAULT_NEO4J_PASSWORD), validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", validation_alias="NEO4J_DATABASE")

    home: Path = Field(Path("~/.cache/actorgraph"), description="Cache of the local Neo4j (jars, data, logs).")
    http_port: int = Field(7474, description="HTTP port of the local Neo4j (Neo4j Browser).")
    neo4j_heap: str = Field("1g", description="Max heap of the local Neo4j.")
    neo4j_pagecache: str = Field("512m", description="Page cache of the local Neo4j.")
    start_timeout: float = Field(180.0, description="Seconds to wait for the local Neo4j to answer.")
    java: str | None = Field(None, description="java executable for the local Neo4j (default: JAVA_HOME, PATH).")

    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_workers: int | None = Field(None, description="Worker processes of `actorgraph serve` (default: one per core).")
    api_keys: list[SecretStr] = Field(default_factory=list, description="Keys that may run mutations (X-API-Key).")
    api_jwt_secret: SecretStr | None = Field(None, description="HS256 secret for bearer tokens (role `editor`).")
    api_open_queries: bool = Field(True, description="Queries without credentials (mutations always need them).")
    api_max_depth: int = Field(8, description="Deepest selection nesting a query may have.")
    api_max_aliases: int = Field(30, description="Most field aliases in one query.")
    api_max_tokens: int = Field(2000, description="Most tokens in one query document.")
    api_max_page_size: int = Field(100, description="Largest `first`/`last` (and nested list `limit`).")
    api_max_cost: int = Field(25_000, description="Most items one query may resolve (page sizes through nesting).")
    api_max_body_bytes: int = Field(1_000_000, description="Largest request body the API reads.")
    api_introspection: bool = Field(
        True, description="Schema introspection, field suggestions and GraphiQL (turn off for deployments)."
    )
    api_jwt_audience: str | None = Field(None, description="Required `aud` of bearer tokens, if set.")
    api_jwt_issuer: str | None = Field(None, description="Required `iss` of bearer tokens, if set.")
    api_tx_timeout: float = Field(10.0, description="Seconds a Neo4j transaction of the API may run.")
    analytics_backend: str = Field(
        "auto", description="networkx backend for the reports: auto, networkx (none) or a backend's name."
    )
    api_response_cache: bool = Field(
        True, description="Serve repeated anonymous reads from memory until the graph changes (ETag on GET)."
    )
    api_cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to call the API.")

    @property
    def home_dir(self) -> Path:
        return self.home.expanduser().resolve()

    @property
    def bolt_host(self) -> str:
        return urlsplit(self.neo4j_uri).hostname or "127.0.0.1"

    @property
    def bolt_port(self) -> int:
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def default_password(self) -> bool:
        """True when NEO4J_PASSWORD is the published default (fine for a local server, never for a remote one)."""
        return self.neo4j_password.get_secret_value() == DEFAULT_NEO4J_PASSWORD

    @property
    def is_local(self) -> bool:
        """True when NEO4J_URI points at this machine, i.e. at a server ``actorgraph neo4j`` manages."""
        return self.bolt_host in LOOPBACK_HOSTS


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call ``get_settings.cache_clear()`` after changing the env."""
    return Settings()


def current_user() -> str:
    """Whom a change made outside the API is attributed to: ``$ACTORGRAPH_USER``, else the OS user."""
    name = os.environ.get("ACTORGRAPH_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"
