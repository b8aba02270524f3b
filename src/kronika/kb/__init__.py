"""The actor knowledge base: shipped YAML files, loading, indexing and look-ups."""
