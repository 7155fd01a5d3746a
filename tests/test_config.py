"""The server's settings that keep a shared dashboard safe (.streamlit/config.toml)."""

from __future__ import annotations

import subprocess
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


def test_sign_in_example_holds_no_secret() -> None:
    """The sign-in example (issue 16) names every setting st.login needs, each a
    placeholder; the real secrets file is never committed."""
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.example.toml").read_text("utf-8"))
    auth = example["auth"]
    assert set(auth) >= {"redirect_uri", "cookie_secret", "client_id", "client_secret",
                         "server_metadata_url"}
    for key in ("cookie_secret", "client_id", "client_secret"):
        assert auth[key].startswith("REPLACE"), key
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text("utf-8").split()
    tracked = subprocess.run(["git", "ls-files", ".streamlit"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    assert ".streamlit/secrets.toml" not in tracked
    assert ".streamlit/secrets.example.toml" in tracked
