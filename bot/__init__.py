"""newsbot's engine: store, importer, extraction, question answering, digests.

Nothing here imports discord except `bot/client.py`, which defines the bot class.
"""
