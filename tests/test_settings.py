"""Settings: every one is documented in the README, and bad values get a clear error."""

from pathlib import Path

import pytest

from pipelines.settings import DEFAULT_DATABASE_URL, Settings, documented_settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_documents_every_setting():
    readme = README.read_text(encoding="utf-8")
    missing = [env for env, _default, _help in documented_settings() if f"`{env}`" not in readme]
    assert missing == []


def test_defaults_work_without_any_environment():
    settings = Settings.from_env({})
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.database_url.endswith("data/roadmap.db")
    assert settings.max_upload_mb == 50.0


def test_environment_overrides_defaults_with_types():
    settings = Settings.from_env({"MAX_UPLOAD_MB": "12.5", "ROADMAP_PORT": "9000", "SECURE_COOKIES": "yes"})
    assert (settings.max_upload_mb, settings.port, settings.secure_cookies) == (12.5, 9000, True)


def test_bad_setting_value_names_the_variable():
    with pytest.raises(ValueError, match="ROADMAP_PORT='eighty' is not a valid int"):
        Settings.from_env({"ROADMAP_PORT": "eighty"})
