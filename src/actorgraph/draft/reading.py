"""Reading an article: plain text as it is, HTML through trafilatura's main-text extraction.

The text returned is what the draft stores as the source and what every quote offset refers to, so it is
never altered after reading (only HTML is turned into text, once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actorgraph.errors import ConfigError, InvalidInput, Problem

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    from_html: bool


def read_article(path: Path) -> Article:
    """The article at ``path``; HTML (by suffix or content) is reduced to its main text."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput([Problem(str(path), "", "file not found: check the path")]) from None
    except UnicodeDecodeError:
        raise InvalidInput([Problem(str(path), "", "not UTF-8 text: save the article as UTF-8")]) from None
    if path.suffix.lower() in HTML_SUFFIXES or raw.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return html_article(raw, str(path))
    if not raw.strip():
        raise InvalidInput([Problem(str(path), "", "the file is empty: give the article's text")])
    return Article(raw, None, from_html=False)


def html_article(html: str, name: str = "<html>") -> Article:
    """Main text and title of an HTML page (boilerplate, menus and comments dropped)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency; this is for broken installs
        raise ConfigError("reading HTML needs trafilatura: pip install 'trafilatura==2.3.1'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InvalidInput([Problem(name, "", "no article text found in this HTML: save the article as plain text")])
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    return Article(text, title, from_html=True)
