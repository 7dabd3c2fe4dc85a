"""The article database: the only package that holds SQL.

`Store` (core.py) opens the database, runs migrations, and keeps articles and what
extraction read out of them. Read queries behind answers live beside it.
"""

from bot.store.core import AddResult, Store

__all__ = ["AddResult", "Store"]
