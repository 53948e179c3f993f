"""Evaluation harness: ROUGE, bootstrap statistics, the oracle, peer systems, datasets, reports.

``newsfuse eval`` (:mod:`newsfuse.cli.evaluate`) is the thin command over these modules.
"""
