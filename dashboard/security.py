"""Role checks for Dash callbacks and Flask routes: who is logged in, and refusing everyone else.

A write callback (or a callback or route that reads non-public data) starts with the check:

    @callback(Output(...), Input(...), prevent_initial_call=True)
    @role_required("coordinator")
    def save_commitment(n_clicks, rows):
        user = current_account()          # who is acting, for `created_by` / the audit log
        ...

or calls `require_role("coordinator")` on its first line. Without a logged-in user the request
gets 401, with a lesser role 403; the body never runs. Roles rank analyst < coordinator < admin.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from flask import Response, g, has_request_context
from flask_login import current_user
from werkzeug.exceptions import Forbidden, HTTPException, Unauthorized

from pipelines.users import Account, role_allows

F = TypeVar("F", bound=Callable)

_REFUSAL = "roadmap_refusal"  # flask.g attribute: the refusal a request must end with


def current_account() -> Account | None:
    """The logged-in account of this request, or None (anonymous, or outside a request)."""
    if not has_request_context() or not current_user.is_authenticated:
        return None
    return current_user.account


def current_role() -> str | None:
    account = current_account()
    return None if account is None else account.role


def current_user_name() -> str | None:
    account = current_account()
    return None if account is None else account.name


def has_role(minimum: str) -> bool:
    """Whether the logged-in user may do what needs at least `minimum` (never raises)."""
    return role_allows(current_role(), minimum)


def require_role(minimum: str) -> Account:
    """The logged-in account if its role is at least `minimum`; else end the request.

    Raises 401 Unauthorized without a logged-in user and 403 Forbidden with a lesser role. The
    refusal is also recorded on the request, so an `on_error` handler that swallows the exception
    still cannot turn it into a success (see `enforce_refusal`).
    """
    account = current_account()
    if account is None:
        _refuse(Unauthorized("Log in to do this."))
    if not role_allows(account.role, minimum):
        _refuse(Forbidden(f"This needs the {minimum} role."))
    return account


def _refuse(error: HTTPException) -> None:
    setattr(g, _REFUSAL, error)
    raise error


def role_required(minimum: str) -> Callable[[F], F]:
    """Decorator for a callback or route: `require_role(minimum)` before the body runs."""
    role_allows(None, minimum)  # an unknown role name fails when the module loads, not later

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def guarded(*args, **kwargs):
            require_role(minimum)
            return function(*args, **kwargs)

        return guarded  # type: ignore[return-value]

    return decorate


def enforce_refusal(response: Response) -> Response:
    """after_request hook: a refused request ends with its 401/403 whatever handled the error.

    Dash's `on_error` handlers and its debug-mode catch-all error handler would otherwise turn
    the refusal into a 200 or a 500.
    """
    error = g.pop(_REFUSAL, None) if has_request_context() else None
    if error is None or response.status_code == error.code:
        return response
    return error.get_response()
