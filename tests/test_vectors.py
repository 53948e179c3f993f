import math
from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Cluster, Document
from newsfuse.pipeline import prepare
from newsfuse.text import STOPWORDS, TermIndex, TermWeights, Tokens, stem, terms, words
from newsfuse.vectors import SentenceVectors, load_idf, term_index

VOCABULARY = "the flood rose rose in alden town towns 12 said mayor it's council's water waters a of x".split()


def _reference_similarity(bags: list[list[str]]) -> np.ndarray:
    """Cosines of (1 + log tf) * idf vectors, term by term in order of first use: the definition."""
    idf = load_idf()
    rows = []
    for bag in bags:
        weights = {term: (1.0 + math.log(count)) * idf[term] for term, count in Counter(bag).items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        rows.append({term: weight / norm for term, weight in weights.items()})
    return np.array([[sum(weight * other.get(term, 0.0) for term, weight in row.items() if term in other) for other in rows] for row in rows])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join).map(lambda text: text.capitalize() + "."), min_size=1, max_size=8))
def test_vectors_match_their_definition(sentences: list[str]) -> None:
    cluster = prepare(Cluster(documents=[Document(text="\n".join(sentences))]))
    vectors = SentenceVectors.of(cluster)
    texts = [sentence.text for sentence in cluster.sentences]
    assert vectors.words == [words(text) for text in texts]
    assert vectors.terms == [terms(text) for text in texts]
    assert vectors.term_idf.tolist() == [load_idf()[term] for bag in vectors.terms for term in bag]
    similarity = _reference_similarity(vectors.terms)
    assert np.allclose(vectors.similarity, similarity, rtol=0, atol=1e-12)
    assert vectors.lengths.tolist() == [len(text.split()) for text in texts]


def test_terms_are_stemmed_content_words() -> None:
    text = "It's the Councils' flooding, and X said the waters rose 12 times."
    assert terms(text) == [stem(word) for word in words(text) if word not in STOPWORDS and len(word) > 1]
    assert terms(text) == ["council", "flood", "water", "rose", "12", "time"]


def test_count_words_counts_as_split_does() -> None:
    import sys

    from newsfuse.text import count_words

    # The shortcut rests on this: any whitespace but the ASCII space is unprintable.
    assert all(not char.isprintable() for char in map(chr, range(sys.maxunicode + 1)) if char.isspace() and char != " ")
    for text in ["", " ", "one", " two  words ", "tab\tand\nnewline", "no\xa0break space", "a b c", "«quoted» text ."]:
        assert count_words(text) == len(text.split()), text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), max_size=8, unique=True), min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_cosines_add_up_as_scipys_sparse_product_does(rows: list[list[int]], random) -> None:
    from scipy import sparse

    from newsfuse.vectors import _cosines

    lengths = [len(columns) for columns in rows]
    columns = np.array([column for row in rows for column in row], dtype=np.int64)
    values = np.array([random.uniform(1e-3, 1.0) * 10.0 ** random.randint(-8, 8) for _ in columns])
    row_of = np.repeat(np.arange(len(rows)), lengths)
    matrix = sparse.csr_matrix((values, columns, np.concatenate(([0], np.cumsum(lengths)))), shape=(len(rows), 10))
    assert np.array_equal(_cosines(len(rows), row_of, columns, values), (matrix @ matrix.T).toarray())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9 \t\n.,-'’\"“éßσΣ٣\u0130\u212a\u00a0\u2028_") + ["\U0001f600"]), max_size=40))
def test_words_are_the_matches_of_the_word_pattern(text: str) -> None:
    from newsfuse.text import WORD

    assert words(text) == WORD.findall(text.lower().replace("’", "'"))


def test_tokens_code_each_distinct_word_once() -> None:
    tokens = Tokens.of([["the", "councils", "met", "x"], ["council", "the", "met"], []])
    assert tokens.words == ["the", "councils", "met", "x", "council"]
    assert tokens.terms == [None, "council", "met", None, "council"]
    assert tokens.vocabulary == ["council", "met"]  # in order of first use; one term for both words
    assert tokens.columns.tolist() == [-1, 0, 1, -1, 0]
    assert tokens.codes.tolist() == [0, 1, 2, 3, 4, 0, 2] and tokens.counts.tolist() == [4, 3, 0]
    assert tokens.stop_words().tolist() == [True, False, False, True, False]


def test_vectors_read_tables_by_their_rows_in_the_shared_index() -> None:
    vectors = SentenceVectors.of(prepare(Cluster(documents=[Document(text="Floods rose in the town. The town council met.")])))
    table = TermWeights({"flood": 2.0, "town": 3.0}, 0.5)
    assert vectors.weights(table).tolist() == [table[term] for term in vectors.vocabulary]
    assert table.by_row(term_index()) is table.by_row(term_index())  # made once per index
    assert vectors.weights(load_idf()).tolist() == load_idf().weigh(vectors.vocabulary).tolist()
    assert vectors.term_rows.tolist() == [term_index().rows[term] for term in vectors.vocabulary]
    # a table knowing a term the index lacks is read term by term
    unindexed = TermWeights({"flood": 2.0, "zqxjv": 1.0}, 0.5)
    assert unindexed.by_row(term_index()) is None
    assert vectors.weights(unindexed).tolist() == [unindexed[term] for term in vectors.vocabulary]
    spelled = [term or word for term, word in zip(vectors.tokens.terms, vectors.tokens.words)]
    assert vectors.spelling_rows().tolist() == [term_index().rows[spelling] for spelling in spelled]
    assert table.weigh_known(["town", "river"])[0].tolist() == [3.0, 0.5]
    assert table.weigh_known(["town", "river"])[1].tolist() == [True, False]


def test_pairs_are_weighed_by_the_rows_of_their_words() -> None:
    index = TermIndex.of(["flood", "town", "the"])
    table = TermWeights({"the town": 0.9, "town flood": 0.1}, 0.5)
    weights, known = table.weigh_pairs(index, np.array([2, 1, 0, -1, 1]), np.array([1, 0, 1, 1, 2]))
    assert weights.tolist() == [0.9, 0.1, 0.5, 0.5, 0.5] and known.tolist() == [True, True, False, False, False]
    assert TermWeights({}, 0.5).weigh_pairs(index, np.array([0]), np.array([1]))[1].tolist() == [False]
    assert TermWeights({"the river": 0.9}, 0.5).weigh_pairs(index, np.array([0]), np.array([1])) is None  # unindexed word
    assert TermWeights({"town": 0.9}, 0.5).weigh_pairs(index, np.array([0]), np.array([1])) is None  # not a pair
