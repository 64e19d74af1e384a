import Testing

@Test("the RetrievalTests target builds") func builds() { #expect(Bool(true)) }
