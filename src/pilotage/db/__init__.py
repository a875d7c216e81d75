"""Persistence: engine set-up, ORM mapping, migrations and the queries the services use."""
