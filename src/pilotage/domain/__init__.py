"""Pure domain: enums, value types, the KPI engine and validation errors (no Qt, no SQL)."""
