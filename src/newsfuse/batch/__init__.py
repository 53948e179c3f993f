"""Batch summarization of collections far larger than one run of ``summarize``.

The same record-level functions (:mod:`records`, :mod:`grouping`) run under two engines: a
process pool on one machine (:mod:`local`) and PySpark (:mod:`spark`), so both give the same
output for the same input.
"""
