"""Qt item models over the services' plain rows (ids and frozen dataclasses only)."""
