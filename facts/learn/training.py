"""Learning from the reviewers' decisions: the training documents of a workspace, k-fold
estimates of learned+rules against rules alone, and the model trained on everything."""
from __future__ import annotations

import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional, Sequence

from ..i18n import _, kind_word, ngettext
from ..model import CURATED, FactBase, Status
from .crf import Reading, Settings, Tagger, read_doc, train, training_sequences
from .features import Doc
from .merge import merge

DECIDED = frozenset(s.value for s in (*CURATED, Status.rejected))


class TooLittleData(ValueError):
    """Not enough decided articles to learn from."""


@dataclass
class TrainingDoc:
    """An article whose facts are all decided: what the reviewers said is in it."""

    uid: str
    text: str
    content: list[list[int]]
    published: Optional[str]
    truth: list[tuple[str, int, int]]  # accepted, edited and added facts (every kind)
    rejected: list[tuple[str, int, int]]


def training_docs(store) -> list[TrainingDoc]:
    """The workspace's training documents: articles with at least one fact and every fact
    accepted, edited, added or rejected (none pending, none flagged for later)."""
    out = []
    for art, facts in store.decided_articles():
        if not facts or any(f.status not in DECIDED for f in facts):
            continue
        curated = {s.value for s in CURATED}
        out.append(TrainingDoc(
            uid=art.uid, text=art.text, content=art.content or [[0, len(art.text)]],
            published=art.published,
            truth=[(f.kind, f.start, f.end) for f in facts if f.status in curated],
            rejected=[(f.kind, f.start, f.end) for f in facts if f.status == Status.rejected.value],
        ))
    return out


@dataclass
class Prepared:
    """A training document read by the rules and cut into the model's windows."""

    doc: TrainingDoc
    rule_facts: list[FactBase]
    infer: Doc  # tokens of the content the rules found, as tagging reads them
    sequences: list = field(default_factory=list)  # labelled windows of the stored content

    def truth(self, kinds: Iterable[str]) -> set[tuple[str, int, int]]:
        ks = set(kinds)
        return {t for t in self.doc.truth if t[0] in ks}


def rule_readings(docs: Sequence[TrainingDoc], rules=None,
                  progress: Optional[Callable[[int, int], None]] = None) -> list:
    """Each document read by the rules (their Extraction), once for every way it is prepared."""
    from ..extract.rules import RuleExtractor

    rules = rules or RuleExtractor()
    out = []
    for n, d in enumerate(docs, start=1):
        out.append(rules.extract(d.text, {"published": d.published}))
        if progress:
            progress(n, len(docs))
    return out


def prepare(docs: Sequence[TrainingDoc], settings: Settings, rules=None,
            progress: Optional[Callable[[int, int], None]] = None,
            readings: Optional[Sequence] = None) -> list[Prepared]:
    """The documents read by the rules (or their `readings` by them, rule_readings') and cut
    into the windows the model reads with these settings."""
    if readings is None:
        readings = rule_readings(docs, rules)
    kinds = settings.kinds
    out = []
    for n, (d, res) in enumerate(zip(docs, readings), start=1):
        truth = [t for t in d.truth if t[0] in kinds]
        negatives = [t for t in d.rejected if t[0] in kinds]
        out.append(Prepared(d, list(res.facts), read_doc(d.text, res.content, res.facts, settings),
                            training_sequences(d.text, d.content, res.facts, truth, negatives,
                                               settings)))
        if progress:
            progress(n, len(docs))
    return out


def read(tagger: Tagger, p: Prepared, kinds: Sequence[str]) -> Reading:
    return tagger.read(p.infer)


def fold_of(n: int, folds: int, seed: int = 0) -> list[int]:
    """Which fold each of n documents is held out in: shuffled once, then dealt in turn."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold = [0] * n
    for i, d in enumerate(order):
        fold[d] = i % folds
    return fold


def cross_readings(prepared: Sequence[Prepared], settings: Settings, folds: int,
                   progress: Optional[Callable[[int, int], None]] = None) -> list[Reading]:
    """Each document read by a model trained on the other folds."""
    fold = fold_of(len(prepared), folds)
    readings: list[Optional[Reading]] = [None] * len(prepared)
    for k in range(folds):
        train_seqs = [s for i, p in enumerate(prepared) if fold[i] != k for s in p.sequences]
        held = [i for i in range(len(prepared)) if fold[i] == k]
        if not held:
            continue
        if not train_seqs:
            for i in held:
                readings[i] = Reading()
            continue
        tagger = Tagger(train(train_seqs, settings), settings)
        for i in held:
            readings[i] = read(tagger, prepared[i], settings.kinds)
        if progress:
            progress(k + 1, folds)
    return [r or Reading() for r in readings]


@dataclass
class PRF:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def score(prepared: Sequence[Prepared], readings: Sequence[Reading], settings: Settings,
          ) -> dict[str, dict[str, PRF]]:
    """Exact-span precision, recall and F1 per kind: the rules alone, and learned+rules."""
    out = {k: {"rules": PRF(), "learned": PRF()} for k in settings.kinds}
    for p, r in zip(prepared, readings):
        truth = p.truth(settings.kinds)
        rules = {(f.kind, f.start, f.end) for f in p.rule_facts if f.kind in out}
        merged = merge(p.doc.text, p.rule_facts, r, settings, "learned")
        learned = {(f.kind, f.start, f.end) for f in merged if f.kind in out}
        for name, pred in (("rules", rules), ("learned", learned)):
            for k in settings.kinds:
                c = out[k][name]
                g = {t for t in truth if t[0] == k}
                q = {t for t in pred if t[0] == k}
                c.gold += len(g)
                c.predicted += len(q)
                c.correct += len(g & q)
    return out


# What tune tries for each kind: a learned span's threshold, and the drop of a rule fact the
# model reads as outside any entity; above 1, never. Listed from the most cautious.
THRESHOLDS = (2.0, 0.9, 0.8, 0.7, 0.6, 0.5)
DROPS = (2.0, 0.97, 0.9, 0.8)


def tune(prepared: Sequence[Prepared], readings: Sequence[Reading], settings: Settings,
         ) -> Settings:
    """The merge's threshold and drop for each kind, chosen on the k-fold readings (each
    document read by a model that did not learn from it): starting from the rules alone
    (every kind at "never"), a kind's choice is changed when that raises the sum of the
    kinds' F1 and leaves no kind below the rules alone. So where the model does no better
    than the rules on a kind, it leaves that kind to them."""
    kinds = settings.kinds
    truth = [p.truth(kinds) for p in prepared]
    rules = _counts(prepared, truth, [{(f.kind, f.start, f.end) for f in p.rule_facts
                                       if f.kind in kinds} for p in prepared], kinds)
    floor = {k: rules[k].f1 for k in kinds}
    current = replace(settings, thresholds={k: 2.0 for k in kinds}, drops={k: 2.0 for k in kinds})
    best = sum(floor.values())
    for _ in range(2):
        changed = False
        for k in kinds:
            for t in THRESHOLDS:
                for d in DROPS:
                    if (t, d) == (current.thresholds[k], current.drops[k]):
                        continue
                    trial = replace(current, thresholds={**current.thresholds, k: t},
                                    drops={**current.drops, k: d})
                    got = _counts(prepared, truth, _merged(prepared, readings, trial), kinds)
                    total = sum(got[x].f1 for x in kinds)
                    if total > best + 1e-6 and all(got[x].f1 >= floor[x] for x in kinds):
                        best, current, changed = total, trial, True
        if not changed:
            break
    return current


def _merged(prepared: Sequence[Prepared], readings: Sequence[Reading], settings: Settings,
            ) -> list[set[tuple[str, int, int]]]:
    kinds = set(settings.kinds)
    return [{(f.kind, f.start, f.end) for f in merge(p.doc.text, p.rule_facts, r, settings, "learned")
             if f.kind in kinds} for p, r in zip(prepared, readings)]


def _counts(prepared, truth, predicted, kinds) -> dict[str, "PRF"]:
    out = {k: PRF() for k in kinds}
    for g_all, q_all in zip(truth, predicted):
        for t in g_all:
            out[t[0]].gold += 1
        for t in q_all:
            out[t[0]].predicted += 1
        for t in g_all & q_all:
            out[t[0]].correct += 1
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


def ordinary_words(docs: Sequence[TrainingDoc], least: int = 2, most: int = 20_000) -> tuple[str, ...]:
    """Syllables written in lower case at least `least` times in the texts, the commonest
    `most`: ordinary words, which capitalised at a sentence's start are no name."""
    counts = Counter(w for d in docs for w in _LETTERS.findall(d.text) if w.islower())
    return tuple(sorted(w for w, n in counts.most_common(most) if n >= least))


@dataclass
class Learned:
    """A model learned (`data`, the CRF's file), what from, its k-fold scores, and the
    settings it was learned with, which it must be used with (they hold what training
    found, such as the ordinary words)."""

    data: bytes
    trained_from: dict
    scores: dict
    settings: Settings
    seconds: float

    def save_to(self, store) -> int:
        """Keep the model in the workspace as its next version; returns the version."""
        return store.save_model(self.data, trained_from=self.trained_from, scores=self.scores,
                                settings=self.settings.to_json())


# What the model may read around (features.scan), cheapest first: the names the rules left
# unexplained; or every capitalised word and every rule span, which lets the model learn
# where the reviewers' spans differ from the rules' (a workspace whose conventions are not
# FACTS.md's) at about twice the model's cost at extraction, so kept only where the k-fold
# estimate says it is better, by MODE_GAIN over the kinds' F1 summed.
CANDIDATES = ("uncovered", "all")
MODE_GAIN = 0.01
MODE_SAMPLE = 200
MODE_FOLDS = 3


def _estimate(docs, by_rules, settings: Settings, mode: str, folds: int, note):
    """The k-fold estimate of one way of reading: its tuned settings, the documents prepared
    for it, and the scores (score's)."""
    trial = replace(settings, candidates=mode)
    prepared = prepare(docs, trial, readings=by_rules, progress=note(f"prepare {mode}"))
    readings = cross_readings(prepared, trial, folds, progress=note(f"fold {mode}"))
    trial = tune(prepared, readings, trial)
    return trial, prepared, score(prepared, readings, trial)


def learn(docs: Sequence[TrainingDoc], settings: Optional[Settings] = None, folds: int = 5,
          progress: Optional[Callable[[str, int, int], None]] = None,
          candidates: Sequence[str] = CANDIDATES) -> Learned:
    """A k-fold estimate for each of `candidates` (what the model reads around), then the
    model trained on every document with the better. Raises TooLittleData."""
    settings = settings or Settings()
    t0 = time.perf_counter()
    kinds = settings.kinds
    if len(docs) < settings.min_documents:
        raise TooLittleData(
            ngettext("too little to learn from: {n} article with every fact decided, and learning "
                     "needs at least {least}. An article counts once none of its facts is pending and "
                     "at least one is accepted, edited, added or rejected.",
                     "too little to learn from: {n} articles with every fact decided, and learning "
                     "needs at least {least}. An article counts once none of its facts is pending and "
                     "at least one is accepted, edited, added or rejected.", len(docs)
                     ).format(n=len(docs), least=settings.min_documents))
    facts = {k: sum(1 for d in docs for t in d.truth if t[0] == k) for k in kinds}
    if not any(facts.values()):
        raise TooLittleData(
            _("too little to learn from: the {n} decided articles hold no accepted, edited or added "
              "{kinds} fact.").format(n=len(docs), kinds=", ".join(kind_word(k) for k in kinds)))
    note = (lambda stage: (lambda i, n: progress(stage, i, n))) if progress else (lambda s: None)
    settings = replace(settings, ordinary=ordinary_words(docs))
    by_rules = rule_readings(docs, progress=note("read"))
    folds = max(2, min(folds, len(docs)))
    # Each way of choosing what the model reads (features.scan), estimated by k-fold; the
    # first is kept unless a later one beats it by MODE_GAIN (they cost more at extraction).
    # Over many articles the choice is made on a sample of MODE_SAMPLE, MODE_FOLDS folds, and
    # only the way chosen is estimated on them all (learning stays within minutes).
    modes, estimates, sampled = tuple(candidates), {}, None
    if len(modes) > 1 and len(docs) > MODE_SAMPLE:
        pick = sorted(random.Random(0).sample(range(len(docs)), MODE_SAMPLE))
        sampled = len(pick)
        sub, sub_rules = [docs[i] for i in pick], [by_rules[i] for i in pick]
        best = None
        for mode in modes:
            scores = _estimate(sub, sub_rules, settings, mode, min(folds, MODE_FOLDS), note)[2]
            estimates[mode] = {k: round(scores[k]["learned"].f1, 4) for k in kinds}
            if best is None or sum(estimates[mode].values()) > sum(estimates[best].values()) + MODE_GAIN:
                best = mode
        modes = (best,)
    best_run: Optional[tuple] = None
    for mode in modes:
        run = _estimate(docs, by_rules, settings, mode, folds, note)
        total = sum(run[2][k]["learned"].f1 for k in kinds)
        if sampled is None:
            estimates[mode] = {k: round(run[2][k]["learned"].f1, 4) for k in kinds}
        if best_run is None or total > best_run[0] + MODE_GAIN:
            best_run = (total, *run)
    assert best_run is not None, "no way of reading candidates to learn with"
    settings, prepared, scores = best_run[1:]
    data = train([s for p in prepared for s in p.sequences], settings)
    rejected = {k: sum(1 for d in docs for t in d.rejected if t[0] == k) for k in kinds}
    all_kinds: dict[str, int] = {}
    for d in docs:
        for t in d.truth:
            all_kinds[t[0]] = all_kinds.get(t[0], 0) + 1
    trained_from = {"articles": len(docs), "facts": facts, "rejected": rejected,
                    "facts_all_kinds": all_kinds}
    score_json = {"folds": folds, "exact_spans": True, "candidates": settings.candidates,
                  "estimates": estimates, "estimated_on": sampled or len(docs),
                  "thresholds": settings.thresholds, "drops": settings.drops,
                  "by_kind": {k: {n: c.as_dict() for n, c in v.items()} for k, v in scores.items()}}
    return Learned(data, trained_from, score_json, settings, time.perf_counter() - t0)
