"""Paged lists: ``{items, total, page, per_page}`` (docs/api.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

MAX_PER_PAGE = 200


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int
    page: int
    per_page: int

    def to_dict(self, dump: Callable[[Any], Any] = lambda item: item) -> dict[str, Any]:
        return {
            "items": [dump(item) for item in self.items],
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
        }


def paginate(session: Session, query: Select, page: int, per_page: int) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    items = list(session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(items=items, total=total or 0, page=page, per_page=per_page)
