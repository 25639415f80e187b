"""What the JSON API (``api``) and the dashboard (``web``) share at the HTTP edge.

The request's session and its one commit point (``db``), the security guard (``guard``), private
file downloads (``downloads``), the one error body (``errors``) and the app's clock (``clock``).
Neither ``api`` nor ``web`` imports the other; both import this package (docs/architecture.md).
"""
