"""Pilotage: follow public contract-programs, their pillars, initiatives and KPIs."""

__version__ = "0.1.0"
