// Conversation analytics (`kefu stats`, `kefu mine`): to be built.
