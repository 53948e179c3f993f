"""Training the learned sentence scorer and the concept model: labels from reference summaries, features, model."""
