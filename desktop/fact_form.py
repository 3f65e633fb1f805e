"""The edit form, generated from the kind's pydantic model and validated as typed."""
from __future__ import annotations

from typing import Any, Optional

from pydantic import ValidationError
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from facts.model import APPROX, KIND_FIELDS, LEVELS, error_message, validate_fact
from facts.reading import NUMERIC_KINDS, display_number, read_field, read_note

from .safe_text import plain
from .i18n import QT_TRANSLATE_NOOP, QT_TR_NOOP, tr, tr_in
from .theme import KINDS, Theme, choice_label, kind_label

CHOICES = {"approx": APPROX, "level": LEVELS}
FIELD_LABELS = {  # under a context of their own: a person's Title is not an article's
    "value": QT_TRANSLATE_NOOP("FactField", "Value"), "unit": QT_TRANSLATE_NOOP("FactField", "Unit"),
    "approx": QT_TRANSLATE_NOOP("FactField", "Approx."), "currency": QT_TRANSLATE_NOOP("FactField", "Currency"),
    "title": QT_TRANSLATE_NOOP("FactField", "Title"), "honorific": QT_TRANSLATE_NOOP("FactField", "Honorific"),
    "acronym": QT_TRANSLATE_NOOP("FactField", "Acronym"), "level": QT_TRANSLATE_NOOP("FactField", "Level"),
    "doc_type": QT_TRANSLATE_NOOP("FactField", "Document type"), "issuer": QT_TRANSLATE_NOOP("FactField", "Issuer"),
    "date": QT_TRANSLATE_NOOP("FactField", "Date"), "note": QT_TRANSLATE_NOOP("FactField", "Note")}
HINTS = {"value": {"quantity": "8.900", "money": QT_TR_NOOP("3 tỷ or 3.000.000.000"), "percentage": "28,4",
                   "date": "06/12/2024", "legal_reference": "20-NQ/TW"},
         "currency": "VND, USD, EUR", "date": "25/10/2017"}


def field_label(name: str) -> str:
    return tr_in("FactField", FIELD_LABELS[name]) if name in FIELD_LABELS else name


def _is_read(kind: str, name: str) -> bool:
    """Fields typed the Vietnamese way and read into FACTS.md's form (numbers, dates)."""
    return (name == "value" and kind in (*NUMERIC_KINDS, "date")) or (
        name == "date" and kind == "legal_reference")


def guess(text: str) -> dict[str, dict[str, Any]]:
    """What the extractor's rules read in a selected piece of text, by kind."""
    from facts.extract import default_extractor

    out: dict[str, dict[str, Any]] = {}
    try:
        facts = default_extractor().extract(text).facts
    except Exception:  # a guess is a convenience; never let it block adding a fact
        return out
    for f in sorted(facts, key=lambda f: -(f.end - f.start)):
        if f.kind not in out and (f.end - f.start) >= len(text.strip()) * 0.6:
            out[f.kind] = {k: v for k, v in f.model_dump().items() if k == "value" or k in KIND_FIELDS[f.kind]}
    return out


class FactForm(QWidget):
    """Edit or add one fact. Enter saves, Esc cancels; 1–8 on the kind picker choose a kind."""

    submitted = Signal(object, dict, object)  # fact id or None (add), values, note
    cancelled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fact_id: Optional[int] = None
        self.article_text = ""
        self.span: tuple[int, int] = (0, 0)
        self.guesses: dict[str, dict[str, Any]] = {}
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.readings: dict[str, QLabel] = {}  # the value as it will be saved, beside the field
        self.year: Optional[int] = None  # the article's year, for dates typed without one
        self.theme = Theme()

        self.heading = plain(QLabel(objectName="paneTitle"))
        self.kind = QComboBox()
        for i, k in enumerate(KINDS, start=1):
            self.kind.addItem(f"{i}  {kind_label(k)}", k)
        self.kind.setAccessibleName(tr("Kind"))
        self.kind.installEventFilter(self)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.span_label = plain(QLabel())  # the article's words, shown as written
        self.span_label.setWordWrap(True)
        self.span_label.setFocusPolicy(Qt.StrongFocus)  # Tab reaches it; Shift+arrows move it
        self.span_label.setAccessibleName(tr("Span"))
        self.span_label.setStyleSheet("QLabel:focus { border: 1px solid palette(highlight); }")
        self.span_label.setToolTip(tr("Shift+←/→ move its end by a word, Ctrl+Shift+←/→ its start; "
                                      "or select other text in the article"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.note = QLineEdit(placeholderText=tr("optional"))
        self.note.returnPressed.connect(self._save)
        self.note.textChanged.connect(self._validate)
        self.note_error = plain(QLabel(objectName="fieldError"))  # it may quote what was typed
        self.note_error.setWordWrap(True)
        self.note_error.hide()
        self.save_button = QPushButton(tr("Save") + "  ⏎")
        self.save_button.clicked.connect(self._save)
        self.cancel_button = cancel = QPushButton(tr("Cancel") + "  Esc")
        cancel.clicked.connect(self.cancel)
        for b in (self.cancel_button, self.save_button):
            b.setAutoDefault(True)  # Enter presses the button that has the focus
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(self.heading)
        top = QFormLayout()
        top.addRow(tr("Kind"), self.kind)
        top.addRow(tr("Span"), self.span_label)
        lay.addLayout(top)
        lay.addLayout(self.form)
        notes = QFormLayout()
        note_row = QVBoxLayout()
        note_row.setSpacing(0)
        note_row.addWidget(self.note)
        note_row.addWidget(self.note_error)
        notes.addRow(tr("Note"), note_row)
        lay.addLayout(notes)
        lay.addLayout(buttons)
        self.hide()

    # -- opening -----------------------------------------------------------------
    def edit(self, fact, article_text: str, year: Optional[int] = None) -> None:
        self.fact_id = fact.id
        self.article_text = article_text
        self.year = year
        self.span = (fact.start, fact.end)
        self.guesses = {}
        self.heading.setText(tr("Edit fact"))
        self._open(fact.kind, {"value": fact.value, **fact.fields}, fact.note or "")
        self._focus_first_field()

    def add(self, span: tuple[int, int], article_text: str, kind_hint: Optional[str] = None,
            year: Optional[int] = None) -> None:
        self.fact_id = None
        self.article_text = article_text
        self.year = year
        self.span = span
        self.guesses = guess(article_text[span[0]:span[1]])
        kind = next(iter(self.guesses), None) or kind_hint or "organization"
        self.heading.setText(tr("Add fact — pick the kind with 1–8"))
        self._open(kind, self._values_for(kind), "")
        self.kind.setFocus()

    def _values_for(self, kind: str) -> dict[str, Any]:
        if kind in self.guesses:
            return self.guesses[kind]
        text = self.article_text[self.span[0]:self.span[1]]
        return {"value": " ".join(text.split())}

    def _open(self, kind: str, values: dict[str, Any], note: str) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.blockSignals(False)
        self._build(kind, values)
        self.note.setText(note)
        self._show_span()
        self.show()
        self._validate()

    def set_span(self, span: tuple[int, int]) -> None:
        """A new selection in the article while the form is open moves the span."""
        if self.isVisible() and span[1] > span[0]:
            self.span = span
            self._show_span()
            self._validate()

    def move_span(self, edge: str, delta: int) -> bool:
        """The span one word longer or shorter at one end (the same keys as in the list)."""
        from facts.spans import move

        span = move(self.article_text, *self.span, edge, delta)
        if span is None:
            return False
        self.set_span(span)
        return True

    def _show_span(self) -> None:
        s, e = self.span
        text = self.article_text[s:e].replace("\n", " ")
        self.span_label.setText(f"“{text}”  ({s}–{e})")

    def _build(self, kind: str, values: dict[str, Any]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs, self.errors, self.readings = {}, {}, {}
        for name in ("value", *KIND_FIELDS[kind]):
            if name in CHOICES:
                w = QComboBox()
                for c in CHOICES[name]:
                    w.addItem(choice_label(c) or "—", c)
                w.setCurrentIndex(max(0, w.findData(values.get(name, "") or "")))
                w.currentIndexChanged.connect(self._validate)
            else:
                shown = str(values.get(name, "") or "")
                if name == "value" and kind in NUMERIC_KINDS and shown:
                    shown = display_number(shown)  # read back, it gives the same value
                w = QLineEdit(shown)
                hint = HINTS.get(name)
                if isinstance(hint, dict):
                    hint = hint.get(kind)
                if hint:
                    w.setPlaceholderText(tr(hint))
                w.textChanged.connect(self._validate)
                w.returnPressed.connect(self._save)
            w.setAccessibleName(field_label(name))
            err = plain(QLabel(objectName="fieldError"))  # it may quote what was typed
            err.setWordWrap(True)
            err.hide()
            row = QVBoxLayout()
            row.setSpacing(0)
            if _is_read(kind, name):
                reading = plain(QLabel(objectName="fieldReading"))
                reading.setAccessibleName(tr("{field} as saved").format(field=field_label(name)))
                reading.setTextInteractionFlags(Qt.TextSelectableByMouse)
                line = QHBoxLayout()
                line.addWidget(w, 1)
                line.addWidget(reading)
                row.addLayout(line)
                self.readings[name] = reading
            else:
                row.addWidget(w)
            row.addWidget(err)
            self.form.addRow(field_label(name), row)
            self.inputs[name], self.errors[name] = w, err
        chain = [self.kind, self.span_label, *self.inputs.values(), self.note, self.cancel_button,
                 self.save_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        colour = self.theme.kind(kind).name()
        self.kind.setStyleSheet(f"QComboBox {{ border-left: 6px solid {colour}; padding-left: 4px; }}")

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        old = self.values()
        values = self._values_for(kind) if self.fact_id is None else {"value": old.get("value", "")}
        self._build(kind, values)
        self._validate()

    # -- values and validation -------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self.inputs.items():
            out[name] = w.currentData() if isinstance(w, QComboBox) else w.text().strip()
        return out

    def read_values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The fields as they will be saved (numbers and dates read the Vietnamese way),
        and the reason for each field that cannot be read."""
        kind = self.kind.currentData()
        out, problems = {}, {}
        for name, typed in self.values().items():
            if not _is_read(kind, name):
                out[name] = typed
                continue
            r = read_field(kind, name, typed, self.year)
            if r.ok:
                out[name] = r.value
            else:
                out[name] = typed
                problems[name] = r.error
        return out, problems

    def fact_dict(self) -> dict[str, Any]:
        s, e = self.span
        return {"kind": self.kind.currentData(), "start": s, "end": e,
                "text": self.article_text[s:e], **self.read_values()[0],
                "extractor": "manual", "confidence": 1.0}

    def _validate(self) -> bool:
        for err in self.errors.values():
            err.hide()
        note = read_note(self.note.text())
        self.note_error.setText(note.error)
        self.note_error.setVisible(not note.ok)
        read, problems = self.read_values()
        for name, label in self.readings.items():
            label.setText("" if name in problems or not read.get(name) else f"= {read[name]}")
        if problems or not note.ok:
            for name, msg in problems.items():
                self.errors[name].setText(msg)
                self.errors[name].show()
            self.save_button.setEnabled(False)
            return False
        try:
            validate_fact(self.fact_dict(), typed=True)
        except ValidationError as exc:
            shown = False
            for e in exc.errors():
                loc = [p for p in e.get("loc", ()) if isinstance(p, str) and p in self.errors]
                msg = error_message(e)
                if loc:
                    self.errors[loc[0]].setText(msg)
                    self.errors[loc[0]].show()
                    shown = True
            if not shown:
                self.errors["value"].setText(error_message(exc.errors()[0]))
                self.errors["value"].show()
            self.save_button.setEnabled(False)
            return False
        self.save_button.setEnabled(True)
        return True

    def is_valid(self) -> bool:
        return self._validate()

    def _save(self) -> None:
        if not self.isVisible() or not self._validate():
            return
        values = self.fact_dict()
        note = self.note.text().strip() or None
        self.hide()
        self.submitted.emit(self.fact_id, values, note)

    def cancel(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()

    def _focus_first_field(self) -> None:
        w = self.inputs.get("value")
        if w is not None:
            w.setFocus()
            if isinstance(w, QLineEdit):
                w.selectAll()

    # -- keys -------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.cancel()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self._save()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.kind and event.type() == QEvent.KeyPress:
            key = event.key()
            if Qt.Key_1 <= key <= Qt.Key_8:
                self.kind.setCurrentIndex(key - Qt.Key_1)
                return True
            if key in (Qt.Key_Return, Qt.Key_Enter):
                self._save()
                return True
            if key == Qt.Key_Escape:
                self.cancel()
                return True
        return super().eventFilter(obj, event)
