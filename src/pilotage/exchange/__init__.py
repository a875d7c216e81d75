"""Excel workbooks: reports, data-collection templates and their import (openpyxl).

Depends on the domain only; the services hand it plain read models.
"""
