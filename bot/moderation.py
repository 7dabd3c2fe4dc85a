"""Who may change the article database: the moderator rule as a pure function."""

from __future__ import annotations

from collections.abc import Iterable


def moderator_refusal(
    *,
    in_guild: bool,
    role_names: Iterable[str],
    role_ids: Iterable[int],
    manage_messages: bool,
    moderator_role: str,
) -> str | None:
    """Why a member is not a moderator, or None when they are.

    A moderator has the role named (or numbered) ``moderator_role`` or the Manage
    Messages permission in the channel. Outside a server nobody is one.
    """
    if not in_guild:
        return "Moderator commands work only in a server, not in direct messages."
    wanted = moderator_role.strip()
    if manage_messages:
        return None
    if wanted and (wanted.casefold() in {n.casefold() for n in role_names} or wanted in {str(i) for i in role_ids}):
        return None
    return f"This needs the **{wanted}** role or the **Manage Messages** permission."
