"""Ship the guide and the style inside the local Neo4j's own Browser, under ``/browser/actorgraph/``.

Neo4j serves Browser from the first ``browser/`` folder on its classpath, and only from that one:
a jar holding just our files would hide Browser itself. So we write one jar with Browser's files
*and* ours into the instance's ``conf/`` directory, which comes before ``lib/`` on the classpath.
Same origin means ``:play`` and ``:style`` need no outside host and no CORS. The jar is rebuilt
only when Browser or our files change (its name carries a digest of both).
"""

from __future__ import annotations

import hashlib
import html
import re
import urllib.error
import urllib.request
import zipfile
from importlib import resources
from pathlib import Path

from actorgraph.browser.labels import display_parameters
from actorgraph.store.cypher import query

GUIDE_DIR = "browser/actorgraph"
JAR_PREFIX = "actorgraph-browser-"
EXPLORE = "actorgraph.cypher.explore"
PLACEHOLDER = re.compile(r"\{\{(query|params):([a-z_]+)\}\}")
SEED_PARAM = re.compile(r"^// (:param \w+ => .+)$", re.MULTILINE)


def base_url(http_port: int) -> str:
    """Where the guide's files are served by the local Neo4j on ``http_port``."""
    return f"http://127.0.0.1:{http_port}/{GUIDE_DIR}"


def guide_url(http_port: int) -> str:
    return f"{base_url(http_port)}/guide.html"


def style_url(http_port: int) -> str:
    return f"{base_url(http_port)}/actorgraph.grass"


def is_served(http_port: int) -> bool:
    """True when the Neo4j on ``http_port`` serves our guide (False: started before it existed, or not ours)."""
    try:
        with urllib.request.urlopen(guide_url(http_port), timeout=5) as resp:
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def explore_query(name: str) -> str:
    """The text of ``cypher/explore/<name>.cypher`` (Browser's queries: shown to people, never run by us)."""
    return resources.files(EXPLORE).joinpath(f"{name}.cypher").read_text(encoding="utf-8").strip()


def seed_params(name: str) -> list[str]:
    """The ``:param`` lines an explore file's header gives for the seed case."""
    return SEED_PARAM.findall(explore_query(name))


def _cypher_map(value: object) -> str:
    """A Python value as a Cypher literal, for the guide's ``:params`` line (our own constants only)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_cypher_map(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_cypher_map(v) for v in value) + "]"
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def render_guide(http_port: int) -> str:
    """The guide with this server's URLs and the explore queries filled in (HTML-escaped)."""
    template = resources.files("actorgraph.cypher.guide").joinpath("guide.html").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        kind, name = match.groups()
        text = explore_query(name) if kind == "query" else "\n".join(seed_params(name))
        return html.escape(text, quote=False)

    page = PLACEHOLDER.sub(fill, template)
    labels_query = query("display_labels")
    page = page.replace("{{display_params}}", html.escape(":params " + _cypher_map(display_parameters())))
    page = page.replace("{{display_labels}}", html.escape(labels_query, quote=False))
    return page.replace("{{base}}", base_url(http_port))


def style_text() -> str:
    return resources.files("actorgraph.cypher").joinpath("actorgraph.grass").read_text(encoding="utf-8")


def guide_files(http_port: int) -> dict[str, bytes]:
    """Path in the jar -> content, for everything we add to Browser."""
    return {
        f"{GUIDE_DIR}/guide.html": render_guide(http_port).encode(),
        f"{GUIDE_DIR}/actorgraph.grass": style_text().encode(),
    }


def find_browser_jar(lib: Path) -> Path | None:
    """Neo4j Browser's jar among the distribution's jars (None if the distribution has none)."""
    jars = sorted(lib.glob("neo4j-browser-*.jar"))
    return jars[-1] if jars else None


def install(conf_dir: Path, lib: Path, http_port: int) -> Path | None:
    """Write (or keep) the Browser-plus-guide jar in ``conf_dir``; returns its path, None without Browser."""
    browser_jar = find_browser_jar(lib)
    if browser_jar is None:
        return None
    ours = guide_files(http_port)
    digest = hashlib.sha256(f"{browser_jar.name}:{browser_jar.stat().st_size}".encode())
    for name in sorted(ours):
        digest.update(name.encode() + b"\0" + ours[name])
    target = conf_dir / f"{JAR_PREFIX}{digest.hexdigest()[:16]}.jar"
    for stale in conf_dir.glob(f"{JAR_PREFIX}*.jar"):
        if stale != target:
            stale.unlink()
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    try:
        _write_jar(partial, browser_jar, ours)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _write_jar(path: Path, browser_jar: Path, ours: dict[str, bytes]) -> None:
    """Browser's entries copied as they are, then ours with their folder entries (Jetty needs them)."""
    with zipfile.ZipFile(browser_jar) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        names = set()
        for info in src.infolist():
            if info.filename.startswith("META-INF/") and info.filename != "META-INF/":
                continue  # Browser's signatures and index describe its jar, not ours
            content = src.read(info.filename)
            info.compress_type = zipfile.ZIP_STORED  # storing beats recompressing 46 MB
            out.writestr(info, content)
            names.add(info.filename)
        folder = ""
        for part in GUIDE_DIR.split("/"):
            folder += part + "/"
            if folder not in names:
                out.writestr(folder, b"")
        for name, content in sorted(ours.items()):
            out.writestr(name, content)
