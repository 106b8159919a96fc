"""Every setting of the project: type, default that works on a laptop, environment variable, help."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'roadmap.db'}"


def _setting(env: str, default, help: str):
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    """Configuration read from the environment; each field documents its variable."""

    database_url: str = _setting(
        "DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "Any SQLAlchemy URL. Default: a SQLite file data/roadmap.db in the checkout.",
    )
    programme: str | None = _setting(
        "ROADMAP_PROGRAMME",
        None,
        "Slug of the programme commands act on when --programme is not given "
        "(default: the only programme in the database).",
    )
    secret_key: str | None = _setting(
        "SECRET_KEY",
        None,
        "Key that signs login sessions and CSRF tokens. Must be set (and shared) "
        "when more than one worker or host serves the app; a random per-process key otherwise.",
    )
    max_upload_mb: float = _setting(
        "MAX_UPLOAD_MB", 50.0, "Largest file the upload page accepts, in MB (refused before parsing)."
    )
    redis_url: str | None = _setting(
        "REDIS_URL",
        None,
        "Redis URL for the shared query cache and login throttling (e.g. redis://127.0.0.1:6379/0). "
        "Unset: an in-process cache.",
    )
    import_jobs: str = _setting(
        "IMPORT_JOBS",
        "auto",
        "Where imports confirmed on the upload page run: rq (an RQ queue on REDIS_URL, run by "
        "`roadmap worker`), thread (a thread of the web process) or auto (rq when REDIS_URL is set).",
    )
    import_jobs_keep_days: float = _setting(
        "IMPORT_JOBS_KEEP_DAYS",
        30.0,
        "Days a finished import job's row (its state and result, not the file: that goes when it "
        "ends) is kept for the upload page; older ones are pruned when an import is submitted and "
        "by `roadmap jobs prune`.",
    )
    cache_timeout_s: int = _setting(
        "CACHE_TIMEOUT_S", 3600, "How long cached public queries live; every write clears them anyway."
    )
    host: str = _setting("ROADMAP_HOST", "127.0.0.1", "Address `roadmap serve` listens on.")
    port: int = _setting("ROADMAP_PORT", 8050, "Port `roadmap serve` listens on.")
    workers: int = _setting(
        "ROADMAP_WORKERS", 2, "gunicorn worker processes for `roadmap serve --production`."
    )
    secure_cookies: bool = _setting(
        "SECURE_COOKIES",
        False,
        "Mark session cookies Secure (set to 1 when served over HTTPS, e.g. behind a reverse proxy).",
    )
    frame_ancestors: str = _setting(
        "FRAME_ANCESTORS",
        "'self'",
        "Who may show the pages in a frame (Content-Security-Policy frame-ancestors): 'self', "
        "'none', or origins separated by spaces to allow embeds, e.g. \"'self' https://www.leuven.be\".",
    )
    embed_frame_ancestors: str = _setting(
        "EMBED_FRAME_ANCESTORS",
        "'self'",
        "Who may show the /embed/ pages (one chart each) in a frame, e.g. the city's site: "
        "\"'self' https://www.leuven.be\". The other pages keep FRAME_ANCESTORS.",
    )
    data_language: str = _setting(
        "ROADMAP_DATA_LANGUAGE",
        "en",
        "Language partners write their names, titles and descriptions in (nl or en): the pages show "
        "those texts as written, marked with that language (the demo's are English).",
    )
    timezone: str = _setting(
        "ROADMAP_TIMEZONE",
        "Europe/Brussels",
        "Time zone (IANA name) the workspace shows times in (audit log, edit logs, imports); stored in UTC.",
    )
    trusted_proxies: int = _setting(
        "TRUSTED_PROXIES",
        0,
        "How many reverse proxies stand in front of the app: their X-Forwarded-For, -Proto and "
        "-Host headers are trusted (werkzeug ProxyFix), so the login throttle counts the client's "
        "address, not the proxy's. 0: no proxy, the headers are ignored.",
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        source: Mapping[str, str] = os.environ if env is None else env
        values = {}
        for f in fields(cls):
            raw = source.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(str(f.type), raw, f.metadata["env"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def effective_secret_key(self) -> str:
        return self.secret_key or _PROCESS_SECRET


_PROCESS_SECRET = secrets.token_hex(32)


def _parse(type_name: str, raw: str, env: str):
    kind = str(type_name)
    try:
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
        if kind.startswith("bool"):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
    except ValueError:
        raise ValueError(f"{env}={raw!r} is not a valid {kind.split(' ')[0]}") from None
    return raw


def documented_settings() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) for every setting, for the README and its test."""
    out = []
    for f in fields(Settings):
        out.append((f.metadata["env"], repr(f.default), f.metadata["help"]))
    return out
