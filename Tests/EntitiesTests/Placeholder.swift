import Testing

@Test("the EntitiesTests target builds") func builds() { #expect(Bool(true)) }
