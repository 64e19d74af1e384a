/// Placeholder until the first Learning type lands.
enum LearningModule {}
