import Testing

@Test("the LearningTests target builds") func builds() { #expect(Bool(true)) }
