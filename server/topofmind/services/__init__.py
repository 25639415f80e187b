"""Use cases. Functions take a SQLAlchemy session and plain data, ``flush()`` but never commit,
and raise ``topofmind.errors`` exceptions. Nothing here imports Flask."""
