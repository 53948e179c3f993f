"""Trained models shipped with newsfuse (LightGBM text files, gzipped: no pickle, no code)."""
