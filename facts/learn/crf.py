"""The linear-chain CRF (python-crfsuite, MIT licence): training from labelled windows and
tagging windows of a document, with the marginal probability of each token's label."""
from __future__ import annotations

import atexit
import hashlib
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, field, fields
from typing import Iterable, Optional, Sequence

from .features import Doc, Featurizer, Vocab, label_names, labels_of, lists, scan, windows

DEFAULT_KINDS = ("person", "organization", "location")


@dataclass
class Settings:
    """How a model is trained and used; saved beside it (models.settings)."""

    kinds: tuple[str, ...] = DEFAULT_KINDS
    candidates: str = "uncovered"  # which names the model reads around (features.scan)
    before: int = 0  # tokens read before a candidate token
    after: int = 2  # and after it
    context: int = 1  # neighbours each token's features read: ±1 (syllable, shape), or ±2
    c1: float = 0.02  # L1 regularisation
    c2: float = 0.05  # L2 regularisation
    iterations: int = 150  # L-BFGS iterations at most
    threshold: float = 0.5  # a learned span is kept when its mean marginal is at least this
    drop: float = 0.9  # a rule span the model reads as O with a mean marginal this high is dropped
    # ordinary words (lower case in the training texts): one capitalised at a sentence's
    # start is no candidate name (learned with the model, features.scan)
    ordinary: tuple[str, ...] = ()
    contest: bool = True  # a learned span replaces rule spans only when surer than they are
    margin: float = 0.0  # by this much
    min_documents: int = 5
    # per kind, what the k-fold estimate chose (training.tune): the `threshold` and the `drop`
    # of that kind; above 1, never (the model adds no span of the kind, drops no rule fact of it)
    thresholds: dict = field(default_factory=dict)
    drops: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kinds = tuple(self.kinds)
        self.ordinary = tuple(self.ordinary)
        self.ordinary_set = frozenset(self.ordinary)
        self.thresholds = {str(k): float(v) for k, v in (self.thresholds or {}).items()}
        self.drops = {str(k): float(v) for k, v in (self.drops or {}).items()}

    def threshold_of(self, kind: str) -> float:
        return self.thresholds.get(kind, self.threshold)

    def drop_of(self, kind: str) -> float:
        return self.drops.get(kind, self.drop)

    def to_json(self) -> dict:
        d = asdict(self)
        d["kinds"] = list(self.kinds)
        d["ordinary"] = list(self.ordinary)
        return d

    @classmethod
    def from_json(cls, data: Optional[dict]) -> "Settings":
        known = {f.name for f in fields(cls)}
        d = {k: v for k, v in (data or {}).items() if k in known}
        return cls(**d)


@dataclass
class Span:
    kind: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass
class Reading:
    """What the model makes of one document: its spans, and for each rule span (by its
    (start, end)) the mean marginal probability that its tokens are outside any entity."""

    spans: list[Span] = field(default_factory=list)
    rule_o: dict[tuple[int, int], float] = field(default_factory=dict)
    # the mean marginal of the rule's own labels on its tokens (B-kind, I-kind…, and not
    # I-kind on the token after it): how much the model believes the rule's span
    rule_p: dict[tuple[int, int], float] = field(default_factory=dict)


def read_doc(text: str, content, rule_facts, settings: Settings, extra=()) -> Doc:
    """The regions of a text the model reads, with the rules' facts on them."""
    kinds = settings.kinds
    spans = [(f.kind, f.start, f.end) for f in rule_facts if f.kind in kinds]
    others = [(f.start, f.end) for f in rule_facts if f.kind not in kinds]
    return scan(text, content, kinds, spans, others, before=settings.before, after=settings.after,
                mode=settings.candidates, extra=extra, ordinary=settings.ordinary_set)


def training_sequences(text: str, content, rule_facts, truth: Sequence[tuple[str, int, int]],
                       negatives: Sequence[tuple[str, int, int]], settings: Settings,
                       ) -> list[tuple[list[list[bytes]], list[str]]]:
    """The labelled windows of a document whose entities are known: the windows tagging
    reads, and windows around every true span and every rejected one (explicit negatives:
    the model sees them as outside any entity, with the rule feature that found them).
    A window holding a span the rules might have missed (`_missed`) is read twice, the
    second time as if they had: what the model is for is what the rules miss."""
    extra = [(s, e) for _, s, e in list(truth) + list(negatives)]
    doc = read_doc(text, content, rule_facts, settings, extra)
    labels = labels_of(doc, truth)
    feats = Featurizer(doc, context=settings.context)
    spans = windows(doc, settings.before, settings.after)
    out = [(x, labels[a:b]) for x, (a, b) in zip(feats.windows(spans), spans)]
    missed, changed = _missed(doc, feats.repeated, labels)
    again = [(a, b) for a, b in spans if changed.find(1, a, b) >= 0]
    out += [(x, labels[a:b]) for x, (a, b) in zip(feats.windows(again, missed), again)]
    return out


def _missed(doc: Doc, repeated: Sequence[tuple[int, int]], labels: Sequence[str],
            ) -> tuple[list[int], bytearray]:
    """The rules' tags of a document as if they had missed what they can miss, and which
    tokens that changes: a name they found elsewhere in the text (the model then reads it
    by the name features), and the head noun of an organisation (its span starting a token
    later: "Trường" of "Trường Đại học Luật Hà Nội")."""
    tags = list(doc.rule_tags)
    changed = bytearray(doc.n)
    for i, j in repeated:
        tags[i:j] = [0] * (j - i)
        changed[i:j] = b"\x01" * (j - i)
    if "organization" in doc.kinds:
        k = doc.kinds.index("organization")
        first, inner = "B-organization", "I-organization"
        heads = lists().head_first
        words = doc.words
        for i, j in doc.rule_runs:
            if (j - i > 1 and not changed[i] and doc.rule_tags[i] == 2 * k + 1
                    and words[i][0].isupper() and words[i].lower() in heads
                    and labels[i] == first and all(x == inner for x in labels[i + 1:j])):
                tags[i], tags[i + 1] = 0, 2 * k + 1
                changed[i] = 1
    return tags, changed


def train(sequences: Iterable[tuple[list[list[str]], list[str]]], settings: Settings) -> bytes:
    """A CRF trained on labelled sequences, as the bytes of its model file."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xseq, yseq in sequences:
        trainer.append(pycrfsuite.ItemSequence(xseq), yseq)
        n += 1
    if not n:
        raise ValueError("nothing to learn from")
    trainer.set_params({
        "c1": settings.c1, "c2": settings.c2, "max_iterations": settings.iterations,
        "feature.possible_transitions": True,
    })
    fd, path = tempfile.mkstemp(prefix="fact-review-model-", suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(path)


# Model files written for taggers that cannot read from memory: one per model, per process.
_FILES: dict[str, str] = {}
_FILES_LOCK = threading.Lock()


def _model_file(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    with _FILES_LOCK:
        path = _FILES.get(digest)
        if path is None or not os.path.exists(path):
            fd, path = tempfile.mkstemp(prefix="fact-review-model-", suffix=".crfsuite")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            _FILES[digest] = path
        return path


@atexit.register
def _remove_files() -> None:
    for path in _FILES.values():
        try:
            os.unlink(path)
        except OSError:
            pass


def known_attributes(tagger) -> set[bytes]:
    """The features a model gives a weight to (from its dump: `ATTRIBUTES = {  id: name }`)."""
    fd, path = tempfile.mkstemp(prefix="fact-review-dump-", suffix=".txt")
    os.close(fd)
    try:
        tagger.dump(path)
        with open(path, "rb") as fh:
            lines = fh.read().split(b"\n")
    finally:
        os.unlink(path)
    out: set[bytes] = set()
    inside = False
    for line in lines:
        if line.startswith(b"ATTRIBUTES = {"):
            inside = True
        elif inside:
            if line.strip() == b"}":
                break
            _, sep, name = line.partition(b": ")
            if sep:
                out.add(name)
    return out


# The vocabulary of each model used in this process, kept: its caches fill once.
_VOCABS: dict[tuple[str, tuple[str, ...]], Vocab] = {}


def _vocab(data: bytes, tagger, kinds: tuple[str, ...]) -> Vocab:
    key = (hashlib.sha256(data).hexdigest(), tuple(kinds))
    v = _VOCABS.get(key)
    if v is None:
        if len(_VOCABS) > 4:
            _VOCABS.clear()
        v = _VOCABS[key] = Vocab(kinds, known_attributes(tagger))
    return v


class Tagger:
    """A model opened for tagging. Not shared between threads: each extractor has its own."""

    def __init__(self, data: bytes, settings: Settings):
        import pycrfsuite

        self.settings = settings
        self._data = data  # kept alive: an in-memory tagger reads it in place
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(data)
        except (AttributeError, ValueError, OSError):
            self._tagger.open(_model_file(data))
        self._names = label_names(settings.kinds)
        self._known = set(self._tagger.labels())
        self.vocab = _vocab(data, self._tagger, settings.kinds)

    def read(self, doc: Doc) -> Reading:
        """The model's spans in the windows of `doc` where it disagrees with the rules' spans
        (where it agrees, the rules' facts stand as they are), with their confidence, and how
        much it believes each rule span there."""
        from pycrfsuite import ItemSequence

        st = self.settings
        tagger = self._tagger
        marg = tagger.marginal
        feats = Featurizer(doc, self.vocab, st.context)
        out = Reading()
        names = self._names
        rule_tags = doc.rule_tags
        kind_of = {i: k for i, k in enumerate(st.kinds)}
        starts, ends = doc.starts, doc.ends
        said = [names[t] for t in rule_tags]  # what the rules say of each token
        spans = windows(doc, st.before, st.after)
        for (a, b), xseq in zip(spans, feats.windows(spans)):
            tagger.set(ItemSequence(xseq))
            tags = tagger.tag()
            m = b - a
            if tags == said[a:b]:
                continue
            t = 0
            while t < m:
                lab = tags[t]
                if lab == "O":
                    t += 1
                    continue
                inner = "I-" + lab[2:]
                u = t + 1
                while u < m and tags[u] == inner:
                    u += 1
                conf = sum(marg(tags[x], x) for x in range(t, u)) / (u - t)
                out.spans.append(Span(lab[2:], starts[a + t], ends[a + u - 1], conf))
                t = u
            shift = a  # token i is at position i - shift of the window
            # the rule spans in this window: how much the model believes them
            t = a
            while t < b:
                r = rule_tags[t]
                if not r:
                    t += 1
                    continue
                kind = kind_of[(r - 1) // 2]
                u = t + 1
                while u < b and rule_tags[u] == 2 * ((r - 1) // 2) + 2:
                    u += 1
                span = (starts[t], ends[u - 1])
                out.rule_o[span] = sum(marg("O", x - shift) for x in range(t, u)) / (u - t)
                if "B-" + kind in self._known:
                    inner = "I-" + kind
                    ps = [marg("B-" + kind, t - shift)] + [marg(inner, x - shift)
                                                           for x in range(t + 1, u)]
                    if u < b:
                        ps.append(1.0 - marg(inner, u - shift))
                    out.rule_p[span] = sum(ps) / len(ps)
                else:
                    out.rule_p[span] = 0.0
                t = u
        return out
