"""Opening a form over a page or a dialog, and forgetting it once it is closed.

Forms open with `open()` (window-modal, not blocking) so that the event loop
and the tests keep running; the owner keeps the open one as an attribute
(`page.dialog`), which is how a second click knows one is open already and how
tests reach it. Closed, it is dropped and deleted.
"""

from __future__ import annotations

import weakref

from pilotage.gui.qt import QDialog


def open_dialog(owner: object, attr: str, dialog: QDialog) -> None:
    """Show `dialog` and keep it as `owner.<attr>` until it closes (one that was
    there before is closed and deleted first)."""
    forget_dialog(owner, attr)
    setattr(owner, attr, dialog)
    # Weak references: the connection must not keep the owner (or the dialog) alive.
    owner_ref, dialog_ref = weakref.ref(owner), weakref.ref(dialog)

    def forget() -> None:
        keeper, shown = owner_ref(), dialog_ref()
        if keeper is not None and shown is not None and getattr(keeper, attr, None) is shown:
            forget_dialog(keeper, attr)

    dialog.finished.connect(forget)
    dialog.open()


def forget_dialog(owner: object, attr: str) -> None:
    """Drop `owner.<attr>` and delete the dialog it held, if any."""
    dialog = getattr(owner, attr, None)
    if dialog is not None:
        setattr(owner, attr, None)
        dialog.deleteLater()
