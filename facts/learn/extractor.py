"""The extractor with a learned layer: the rules, then the model over the windows around
candidate names, merged (facts.learn.merge)."""
from __future__ import annotations

from typing import Optional

from ..extract import Extraction
from .crf import Settings, Tagger, read_doc
from .merge import merge


class LearnedExtractor:
    """Rules plus model `version`. Its tag is the rules' with the model's version,
    `rules@1+learned@4`: a new model makes extraction run again over every article."""

    def __init__(self, data: bytes, version: int, settings: Optional[Settings] = None, rules=None):
        from ..extract.rules import RuleExtractor

        self.rules = rules or RuleExtractor()
        self.settings = settings or Settings()
        self.model_version = version
        self.name = self.rules.name
        self.version = f"{self.rules.version}+learned@{version}"
        self.learned_name = f"learned@{version}"
        self.tagger = Tagger(data, self.settings)
        st = self.settings
        # whether the model can change anything: a kind where a learned span may be kept or a
        # rule fact dropped (the settings learning chose, Settings.threshold_of and drop_of)
        self.active = any(st.threshold_of(k) <= 1.0 or st.drop_of(k) <= 1.0 for k in st.kinds)

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    def extract(self, text: str, metadata: Optional[dict] = None) -> Extraction:
        result = self.rules.extract(text, metadata)
        if not self.active:
            return result  # the k-fold estimate left every kind to the rules
        doc = read_doc(text, result.content, result.facts, self.settings)
        reading = self.tagger.read(doc)
        facts = merge(text, result.facts, reading, self.settings, self.learned_name)
        return Extraction(facts=facts, content=result.content, metadata=result.metadata)


def model_tag(rules_tag: str, version: Optional[int]) -> str:
    """The extraction tag with a model of this version (none: the rules' own)."""
    return rules_tag if version is None else f"{rules_tag}+learned@{version}"


def extractor_for(store):
    """The extractor extraction uses in this workspace: the rules with its newest model,
    or the rules alone when it has none."""
    from ..extract import default_extractor

    record = store.latest_model() if hasattr(store, "latest_model") else None
    if record is None:
        return default_extractor()
    return LearnedExtractor(record.data, record.version, Settings.from_json(record.settings))
