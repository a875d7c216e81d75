"""One function per user action, each in one transaction with its audit entries.

Services take a `Database`, validate first, and return plain read models
(frozen dataclasses), never live ORM objects.
"""
