"""Training the learned sentence scorer: labels from reference summaries, features, model."""
