"""newsfuse: many raw news articles about one event in, one cited summary out."""

from newsfuse.model import Citation, Cluster, Document, Sentence, Summary, SummarySentence
from newsfuse.pipeline import prepare, summarize, summarize_cluster
from newsfuse.readers import InputError

__version__ = "0.1.0"

__all__ = [
    "Citation",
    "Cluster",
    "Document",
    "InputError",
    "Sentence",
    "Summary",
    "SummarySentence",
    "prepare",
    "summarize",
    "summarize_cluster",
]
