"""The API's one pagination: `limit` (1–500, default 50) and `offset`, bounded so no request reaches the
database with a number it cannot hold."""

from ninja.pagination import LimitOffsetPagination
from pydantic import Field


class Pages(LimitOffsetPagination):
    class Input(LimitOffsetPagination.Input):
        limit: int = Field(50, ge=1, le=500)
        offset: int = Field(0, ge=0, le=1_000_000)
