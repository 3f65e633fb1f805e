"""The fact contract of FACTS.md (version 1) as pydantic models.

One model per kind, so that validation, the edit form and the exports all
read the same declaration of which fields a kind has.
"""
from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal, Union

from pydantic import (BaseModel, ConfigDict, Field, TypeAdapter, ValidationInfo, field_validator,
                      model_validator)

from .i18n import N_, _, language
from .textio import clean, typed_problem

FACTS_VERSION = 1


class Kind(StrEnum):
    quantity = "quantity"
    money = "money"
    percentage = "percentage"
    date = "date"
    person = "person"
    organization = "organization"
    location = "location"
    legal_reference = "legal_reference"


class Status(StrEnum):
    pending = "pending"
    accepted = "accepted"
    edited = "edited"
    rejected = "rejected"
    added = "added"
    flagged = "flagged"  # set aside for later: not decided, not pending


CURATED = (Status.accepted, Status.edited, Status.added)
#: What each review action makes of a fact (an edit of a fact the reviewer added stays added).
ACTION_STATUS = {"accept": Status.accepted, "reject": Status.rejected, "edit": Status.edited,
                 "flag": Status.flagged, "reset": Status.pending}
#: The article fields a reviewer may correct, as logged decisions.
ARTICLE_FIELDS = ("title", "published", "source", "author")


def status_after(action: str, current: str) -> str:
    """The status a review action gives a fact whose status is `current`."""
    if action == "edit" and current == Status.added:
        return Status.added.value
    return ACTION_STATUS[action].value


def extractor_name(extractor: str) -> str:
    """The name of the extractor that proposed a fact, from the fact's `extractor`: a rule's
    `rules/money.scaled@3` and a run's `rules@1` are `rules`; `learned@4` is `learned`;
    another program's `my-model@1` is `my-model`; a reviewer's `manual` is `manual`."""
    return extractor.split("/", 1)[0].split("@", 1)[0]


def run_extractors(tag: str) -> frozenset[str]:
    """The names of the extractors of an extraction run's tag: `rules@1+learned@4` is rules and
    learned (whose pending facts that run renews)."""
    return frozenset(extractor_name(part) for part in tag.split("+"))


def restorable(snapshot: dict) -> dict:
    """What undo and revert put back from a logged snapshot of a fact: kind, span, text,
    value and the kind's fields (the status and the note are restored beside them)."""
    kind = snapshot["kind"]
    return {k: snapshot[k] for k in ("kind", "start", "end", "text", "value", *KIND_FIELDS[kind])
            if k in snapshot}

APPROX = ("", "exact", "more_than", "less_than", "about", "nearly", "at_least", "up_to")
LEVELS = ("", "country", "province", "district", "commune", "region", "other")

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_POINT = (
    r"(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?"  # 2024, 2024-12, 2024-12-06T14:38
    r"|--\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?"  # --10, --10-06, --10-01T00:15 (no year)
    r"|T\d{2}:\d{2}(:\d{2})?)"  # a clock time alone
)
_ISO_DATE = re.compile(rf"^{_ISO_POINT}(/{_ISO_POINT})?$")


def is_number(value: str) -> bool:
    return bool(_NUMBER.match(value))


def is_iso_date(value: str) -> bool:
    return bool(_ISO_DATE.match(value))


class FactBase(BaseModel):
    """Fields every fact has. Extra fields are kept: code may add fields."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=False)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)
    value: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    extractor: str = ""

    @field_validator("*")
    @classmethod
    def _typed_text(cls, v, info: ValidationInfo):
        """In a fact a reviewer typed (validate_fact's `typed`), no field may hold a control
        character (textio.typed_problem): refused at the field, as the form shows it. Not its
        text, which is the article's, never typed."""
        if isinstance(v, str) and info.field_name != "text" and (info.context or {}).get("typed"):
            _refuse_unstorable(v)
        return v

    @model_validator(mode="after")
    def _span(self):
        if self.end <= self.start:
            raise ValueError(_("span end {end} is not after start {start}").format(end=self.end, start=self.start))
        if self.end - self.start != len(self.text):
            raise ValueError(_("span {start}-{end} is {n} characters but text {text!r} has {length}").format(
                start=self.start, end=self.end, n=self.end - self.start, text=self.text, length=len(self.text)))
        return self


def _approx(v: str) -> str:
    if v not in APPROX:
        raise ValueError(_("approx must be one of {values}").format(values=", ".join(a for a in APPROX if a)))
    return v


def _number(v: str) -> str:
    if not is_number(v):
        raise ValueError(_("value {value!r} is not a number written with '.' as decimal mark").format(value=v))
    return v


class Quantity(FactBase):
    kind: Literal["quantity"] = "quantity"
    unit: str = ""
    approx: str = ""
    _v = field_validator("value")(_number)
    _a = field_validator("approx")(_approx)


class Money(FactBase):
    kind: Literal["money"] = "money"
    currency: str = ""
    approx: str = ""
    _v = field_validator("value")(_number)
    _a = field_validator("approx")(_approx)

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str) -> str:
        if v and not re.fullmatch(r"[A-Z]{3}", v):
            raise ValueError(_("currency {value!r} is not an ISO 4217 code such as VND, USD, EUR").format(value=v))
        return v


class Percentage(FactBase):
    kind: Literal["percentage"] = "percentage"
    approx: str = ""
    _v = field_validator("value")(_number)
    _a = field_validator("approx")(_approx)


class Date(FactBase):
    kind: Literal["date"] = "date"

    @field_validator("value")
    @classmethod
    def _iso(cls, v: str) -> str:
        if not is_iso_date(v):
            raise ValueError(_("value {value!r} is not an ISO 8601 date, time or range").format(value=v))
        return v


class Person(FactBase):
    kind: Literal["person"] = "person"
    title: str = ""
    honorific: str = ""


class Organization(FactBase):
    kind: Literal["organization"] = "organization"
    acronym: str = ""


class Location(FactBase):
    kind: Literal["location"] = "location"
    level: str = ""

    @field_validator("level")
    @classmethod
    def _level(cls, v: str) -> str:
        if v not in LEVELS:
            raise ValueError(_("level must be one of {values}").format(values=", ".join(x for x in LEVELS if x)))
        return v


class LegalReference(FactBase):
    kind: Literal["legal_reference"] = "legal_reference"
    doc_type: str = ""
    issuer: str = ""
    date: str = ""

    @field_validator("date")
    @classmethod
    def _date(cls, v: str) -> str:
        if v and not is_iso_date(v):
            raise ValueError(_("date {value!r} is not an ISO 8601 date").format(value=v))
        return v


AnyFact = Annotated[
    Union[Quantity, Money, Percentage, Date, Person, Organization, Location, LegalReference],
    Field(discriminator="kind"),
]
FACT_ADAPTER: TypeAdapter = TypeAdapter(AnyFact)

MODELS: dict[str, type[FactBase]] = {
    "quantity": Quantity,
    "money": Money,
    "percentage": Percentage,
    "date": Date,
    "person": Person,
    "organization": Organization,
    "location": Location,
    "legal_reference": LegalReference,
}

_BASE_FIELDS = set(FactBase.model_fields) | {"kind"}
#: The extra fields of each kind, in declaration order.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    k: tuple(f for f in m.model_fields if f not in _BASE_FIELDS) for k, m in MODELS.items()
}
#: Every kind field of every kind, once, in a stable order (database columns, CSV columns).
ALL_KIND_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(f for fields in KIND_FIELDS.values() for f in fields)
)

#: The fields a message names, as it names them (a typed value refused: db/store.py); the
#: article's own fields besides, under `article_…` where a fact has one of the same name.
FIELD_WORDS = {
    "value": N_("value"), "text": N_("text"), "unit": N_("unit"), "approx": N_("approximation"),
    "currency": N_("currency"), "title": N_("person's title"), "honorific": N_("honorific"),
    "acronym": N_("acronym"), "level": N_("level"), "doc_type": N_("document type"), "issuer": N_("issuer"),
    "date": N_("date"), "note": N_("note"), "reviewer": N_("reviewer's name"),
    "article_title": N_("article title"), "published": N_("published date"), "source": N_("source"),
    "author": N_("author"),
}


def field_word(name: str) -> str:
    """A field as a message names it, in the language in use (its id, spaced, when unknown)."""
    return _(FIELD_WORDS[name]) if name in FIELD_WORDS else name.replace("_", " ")


def validate_fact(data: dict, *, typed: bool | None = None) -> FactBase:
    """Validate one fact dict; raises pydantic.ValidationError.

    `typed`: the values were typed by a reviewer, and a control character in one is refused
    at its field. By default, a fact whose extractor is "manual" (the edit form's) is typed.
    An extractor's facts are read from the article's text, which the importer has cleaned
    (textio.clean), as it cleans the facts of a file before they come here."""
    if typed is None:
        typed = data.get("extractor") == "manual"
    return FACT_ADAPTER.validate_python(data, context={"typed": typed})


def _refuse_unstorable(v):
    """textio's rule for typed text, as a pydantic validator."""
    if isinstance(v, str):
        problem = typed_problem(v)
        if problem:
            raise ValueError(problem)
    return v


def fact_fields(fact: FactBase) -> dict[str, str]:
    """The kind fields of a fact as a dict (only those of its kind)."""
    return {f: getattr(fact, f) for f in KIND_FIELDS[fact.kind]}


def error_text(exc) -> str:
    """A one-line, user-readable text for a pydantic ValidationError."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in MODELS)
        msg = error_message(err)
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


# pydantic's own messages for the errors a file or a form meets, in the language in use (pydantic
# speaks English only; another error keeps its English words). Ours (a ValueError of a validator
# above) are in the language already.
PYDANTIC_MESSAGES = {
    "missing": N_("Field required"),
    "string_type": N_("Input should be a valid string"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "bool_type": N_("Input should be a valid boolean"),
    "dict_type": N_("Input should be a valid dictionary"),
    "list_type": N_("Input should be a valid list"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "string_too_short": N_("String should have at least {min_length} characters"),
    "enum": N_("Input should be {expected}"),
    "literal_error": N_("Input should be {expected}"),
    "union_tag_invalid": N_("Input tag '{tag}' found using {discriminator} does not match any of the "
                            "expected tags: {expected_tags}"),
    "union_tag_not_found": N_("Unable to extract tag using discriminator {discriminator}"),
}


def error_message(err: dict) -> str:
    """The message of one error of a pydantic ValidationError (`exc.errors()`), without
    pydantic's "Value error, ", in the language in use."""
    msg = err.get("msg", "invalid").removeprefix("Value error, ")
    said = PYDANTIC_MESSAGES.get(err.get("type", ""))
    if said is None or language() == "en":
        return msg
    ctx = {k: _ctx_value(v) for k, v in (err.get("ctx") or {}).items()}
    try:
        return _(said).format(**ctx)
    except (KeyError, IndexError, ValueError):
        return msg


def _ctx_value(v):
    """A value pydantic names in a message, as the message writes it (1, not 1.0; `a or b` in
    the language's words)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        return v.replace("' or '", "'" + _(" or ") + "'")
    return v


class Review(BaseModel):
    """A review decision carried by an imported fact (a JSONL export read back)."""

    status: Status = Status.pending
    reviewer: str | None = None
    reviewed_at: str | None = None
    note: str | None = None
    original: dict | None = None  # the fact before its first edit

    # Typed by a reviewer: refused if they hold a control character (the importer cleans
    # what it reads from a file before it gets here).
    _typed = field_validator("reviewer", "reviewed_at", "note")(_refuse_unstorable)


class ArticleIn(BaseModel):
    """An article as the importer hands it to the store: text already normalised."""

    uid: str
    origin: str
    text: str = Field(min_length=1)
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    content: list[tuple[int, int]] = Field(default_factory=list)
    facts: list[AnyFact] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)  # parallel to facts, may be empty

    @field_validator("uid", "origin", "title", "published", "source", "author", "url")
    @classmethod
    def _clean(cls, v: str | None) -> str | None:
        """Whichever reader made it, no name or metadata holds a control character."""
        return clean(v) if v is not None else v

    @field_validator("text")
    @classmethod
    def _normalised(cls, v: str) -> str:
        """The text comes normalised (textio.normalise, before the facts' offsets were
        carried over to it): cleaning it here would move them."""
        problem = typed_problem(v)
        if problem:
            raise ValueError(f"the text {problem} (not normalised: a bug of the importer)")
        return v
