/// Placeholder until the first Retrieval type lands.
enum RetrievalModule {}
