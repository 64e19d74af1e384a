/// Placeholder so the target builds while the bot-folder loader is written.
enum BotDefinitionModule {}
