import Testing

@Test("the BotDefinitionTests target builds") func builds() { #expect(Bool(true)) }
