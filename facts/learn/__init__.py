"""A statistical entity layer learned from the reviewers' decisions, offline.

Every accepted, edited, added or rejected fact is a labelled example. `training` gathers a
workspace's decided articles and trains a linear-chain CRF (python-crfsuite, MIT licence)
that tags syllables with BIO labels of person, organization and location (any kinds can be
set: `Settings.kinds`); `features` says what it reads, `merge` how its spans and the rules'
make one list, `extractor` the extractor that uses it. The model lives in the workspace
(the `models` table), so a copied workspace brings its model.
"""
from .crf import DEFAULT_KINDS, Settings
from .extractor import LearnedExtractor, extractor_for, model_tag
from .training import Learned, TooLittleData, TrainingDoc, learn, training_docs

__all__ = ["DEFAULT_KINDS", "Settings", "LearnedExtractor", "extractor_for", "model_tag",
           "Learned", "TooLittleData", "TrainingDoc", "learn", "training_docs"]
