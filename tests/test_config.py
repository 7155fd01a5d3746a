"""The server's settings that keep a shared dashboard safe (.streamlit/config.toml)."""

from __future__ import annotations

import tomllib

from helpers import ROOT


def test_safe_server_settings() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    server, client = config["server"], config["client"]
    assert server["address"] == "127.0.0.1"  # loopback unless a deployment says otherwise
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True  # Streamlit's name for "refuse cross-origin calls"
    assert server["maxUploadSize"] <= 2  # MB, the same bound as one article
    assert client["showErrorDetails"] == "none"  # no tracebacks for visitors
    assert config["browser"]["gatherUsageStats"] is False
