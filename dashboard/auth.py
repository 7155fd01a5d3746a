"""Who may write. The dashboard is read-only unless it was started to edit, and then a
write needs an editor.

``FUNDTRACE_MODE`` chooses:

- unset (or anything else): **read-only**. No page writes under ``data/``; the *Add a
  source* page does not exist. What every shared link and deployment should serve.
- ``local``: **one person on their own machine** (``bash scripts/dev dashboard --edit``,
  which also binds the server to 127.0.0.1): the Add page, no sign-in.
- ``edit``: **a shared deployment with editors**: the Add page exists, but shows its form
  and accepts a save only for a signed-in editor. Sign-in is Streamlit's OIDC (``st.login``,
  configured in ``.streamlit/secrets.toml``; see ``secrets.example.toml``); editors are the
  e-mail addresses in ``FUNDTRACE_EDITORS`` (comma-separated). Anyone else, signed in or
  not, reads only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

MODE_VARIABLE = "FUNDTRACE_MODE"
EDITORS_VARIABLE = "FUNDTRACE_EDITORS"
LOCAL, EDIT, READ_ONLY = "local", "edit", "read-only"


def mode() -> str:
    value = os.environ.get(MODE_VARIABLE, "").strip().lower()
    return value if value in {LOCAL, EDIT} else READ_ONLY


def editing() -> bool:
    """Whether pages that write exist at all (a write still needs :func:`may_write`)."""
    return mode() != READ_ONLY


def editors() -> frozenset[str]:
    raw = os.environ.get(EDITORS_VARIABLE, "")
    return frozenset(e.strip().lower() for e in raw.split(",") if e.strip())


@dataclass(frozen=True)
class Permission:
    allowed: bool
    reason: str  # for the page: why not, or who is writing
    sign_in: bool = False  # whether signing in could help


def may_write(user: Mapping[str, object] | None) -> Permission:
    """Whether the person behind ``user`` (``st.user``) may write in the current mode."""
    current = mode()
    if current == READ_ONLY:
        return Permission(False, "This dashboard is read-only. Start it with `bash scripts/dev "
                                 "dashboard --edit` on your own machine to add sources.")
    if current == LOCAL:
        return Permission(True, "Editing on this machine (local mode, no sign-in).")
    user = user or {}
    if not user.get("is_logged_in"):
        return Permission(False, "Sign in as an editor to add sources.", sign_in=True)
    email = str(user.get("email") or "").strip().lower()
    if email and email in editors():
        return Permission(True, f"Signed in as {email}, an editor.")
    return Permission(False, f"Signed in as {email or 'someone without an e-mail address'}, "
                             "who is not an editor here: this dashboard is read-only for you.")


def current_user() -> Mapping[str, object]:
    import streamlit as st

    try:
        return st.user.to_dict()
    except Exception:  # no session (plain tests) or sign-in not configured
        return {}
