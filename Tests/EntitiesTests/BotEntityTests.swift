import ChatCore
import Entities
import Testing

/// Regex and lookup-list entities, and how they meet the built-ins.
@Suite("Bot entities and overlaps")
struct BotEntityTests {
    static let extractor: EntityExtractor? = try? EntityExtractor(
        patterns: [PatternEntity(name: "order_id", pattern: #"(?<!\d)\d{14}(?!\d)"#),
                   PatternEntity(name: "sku", pattern: #"[A-Z]{2}\d{4}"#)],
        lookups: [LookupEntity(name: "city", values: ["北京": ["北京市", "帝都", "beijing"], "上海": ["魔都", "shanghai"]]),
                  LookupEntity(name: "size", values: ["大号": ["XL", "大码"], "三百": []])])

    static let cases: [EntityCase] = [
        // A bot's regex beats a built-in number of the same length.
        EntityCase("订单20241105123456", "order_id", #""20241105123456""#, "20241105123456"),
        EntityCase("帮我查一下订单 20241105123456，手机13812345678",
                   [("order_id", #""20241105123456""#, "20241105123456"), ("phone", #""13812345678""#, "13812345678")]),
        // A longer built-in beats a shorter bot entity: money 三百块 over the lookup value 三百.
        EntityCase("三百块", "money", #"{"amount":300,"currency":"CNY"}"#, "三百块"),
        // Synonyms, case- and width-insensitive, on token boundaries.
        EntityCase("我在帝都", "city", #""北京""#, "帝都"),
        EntityCase("寄到BeiJing", "city", #""北京""#, "BeiJing"),
        EntityCase("寄到ＢＥＩＪＩＮＧ", "city", #""北京""#, "ＢＥＩＪＩＮＧ"),
        EntityCase("北京市朝阳区", "city", #""北京""#, "北京市"),
        EntityCase("魔都和帝都", [("city", #""上海""#, "魔都"), ("city", #""北京""#, "帝都")]),
        EntityCase("要xl的", "size", #""大号""#, "xl"),
        // A regex match that cuts a token in two is dropped: the 15 digits are one token.
        EntityCase("202411051234567", "number", "202411051234567", "202411051234567"),
        EntityCase("型号AB1234", [("sku", #""AB1234""#, "AB1234")]),
        // Full-width digits are read as digits: the value is half-width, the text as typed.
        EntityCase("订单２０２４１１０５１２３４５６", "order_id", #""20241105123456""#, "２０２４１１０５１２３４５６"),
        // Digits grouped with spaces or dashes are one value when the groups together match.
        EntityCase("订单 2024 1105 1234 56 到哪了", "order_id", #""20241105123456""#, "2024 1105 1234 56"),
        EntityCase("2024-1105-123456", "order_id", #""20241105123456""#, "2024-1105-123456"),
        // Two numbers side by side are not joined into one that matches nothing.
        EntityCase("20241105123456 13812345678",
                   [("order_id", #""20241105123456""#, "20241105123456"), ("phone", #""13812345678""#, "13812345678")]),
    ]

    @Test("regex and lookup entities against built-ins", arguments: cases)
    func botEntities(_ entityCase: EntityCase) throws {
        try entityCase.check(with: try #require(Self.extractor))
    }

    @Test("sources say what found each entity")
    func sources() throws {
        let found = try Fixture.entities("订单20241105123456寄到帝都，退350元", extractor: try #require(Self.extractor))
        #expect(found.map(\.source) == [.pattern, .lookup, .builtIn])
        #expect(found.map(\.name) == ["order_id", "city", "money"])
    }

    @Test("built-in overlaps: the longest wins, money over number, time over date")
    func builtInOverlaps() throws {
        let found = try Fixture.entities("明天下午三点前退350元到13812345678")
        #expect(found.map(\.name) == ["time", "money", "phone"])
        #expect(found.map(\.scalarRange) == [0..<6, 8..<12, 13..<24])
        #expect(found.map(\.value.jsonText) == [#""2026-11-24T15:00""#, #"{"amount":350,"currency":"CNY"}"#, #""13812345678""#])
    }

    @Test("two bot entities on the same span: the regex entity, declared first, is kept")
    func equalLengthBotEntities() throws {
        let extractor = try EntityExtractor(patterns: [PatternEntity(name: "code", pattern: "帝都")],
                                            lookups: [LookupEntity(name: "city", values: ["北京": ["帝都"]])])
        let found = try Fixture.entities("去帝都", extractor: extractor)
        #expect(found.map(\.name) == ["code"])
    }
}

@Suite("Declaration errors")
struct DeclarationErrorTests {
    @Test("a bad regex names the entity and the pattern", arguments: ["(?<!\\d\\d{14}", "[0-9", "*abc", "a{2,1}"])
    func badRegex(_ pattern: String) {
        #expect {
            _ = try EntityExtractor(patterns: [PatternEntity(name: "order_id", pattern: pattern)])
        } throws: { error in
            guard let error = error as? EntityExtractorError else { return false }
            return error.entity == "order_id" && error.description.contains(pattern)
                && error.description.contains("not a valid regular expression")
        }
    }

    @Test("an empty pattern, an empty lookup list and an empty synonym are errors")
    func emptyDeclarations() {
        #expect(throws: EntityExtractorError.self) { try EntityExtractor(patterns: [PatternEntity(name: "x", pattern: "")]) }
        #expect(throws: EntityExtractorError.self) { try EntityExtractor(lookups: [LookupEntity(name: "city", values: [:])]) }
        #expect(throws: EntityExtractorError.self) { try EntityExtractor(lookups: [LookupEntity(name: "city", values: ["北京": [" "]])]) }
    }
}
