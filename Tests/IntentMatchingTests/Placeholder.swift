import Testing

@Test("the IntentMatchingTests target builds") func builds() { #expect(Bool(true)) }
