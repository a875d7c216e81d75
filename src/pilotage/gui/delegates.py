"""Cell editors of the editable tables: a drop-down of choices, right-aligned numbers.

A delegate only edits: it hands what was chosen or typed to the model's
setData, which decides what becomes of it (the measurements model passes it
on to the page, which saves it through an undoable command).
"""

from __future__ import annotations

from collections.abc import Sequence

from pilotage.gui.qt import (
    QAbstractItemModel,
    QComboBox,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QWidget,
    Slot,
)

_EDIT = Qt.ItemDataRole.EditRole


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of (label, value) pairs; the value goes to the model as soon as a
    choice is made (no need to press Enter), and Escape changes nothing."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def createEditor(  # noqa: N802 - Qt's name
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for text, value in self._choices:
            combo.addItem(text, value)
        combo.activated.connect(self._commit)
        return combo

    def setEditorData(  # noqa: N802 - Qt's name
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(_EDIT))
        if position >= 0:
            editor.setCurrentIndex(position)

    def setModelData(  # noqa: N802 - Qt's name
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _EDIT)

    @Slot()
    def _commit(self) -> None:
        editor = self.sender()
        if isinstance(editor, QComboBox):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


class NumberDelegate(QStyledItemDelegate):
    """A line edit that starts from the plain number (the model's EditRole) and lines
    up on the right, as the number shows in the cell."""

    def createEditor(  # noqa: N802 - Qt's name
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        edit = QLineEdit(parent)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setFrame(False)
        return edit

    def setEditorData(  # noqa: N802 - Qt's name
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(_EDIT)
        editor.setText("" if value is None else str(value))
        editor.selectAll()

    def setModelData(  # noqa: N802 - Qt's name
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), _EDIT)
