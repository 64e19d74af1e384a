import ChatCore
import Entities
import Testing

@Suite("Spans and empty lines")
struct AlignmentTests {
    static let lines = [
        "明天下午三点前退350元到13812345678", "我11月5号买的，12月1号还没到", "打 +86 138 1234 5678 或者 138-1234-5678",
        "邮箱 Li.Wei@example.com 网址 https://shop.example.com/a?b=1", "99块9 2块5毛 5毛 350块钱 人民币350 RMB350 $20",
        "三天 两个小时 半个月 一周 30分钟 半小时 一年 两个月", "下周三 这周五 本周五 星期五 礼拜五 11月5日 2026-12-01",
        "👍🏽退款¥350，谢谢！！！", "订单２０２４１１０５１２３４５６已签收",
    ]

    @Test("every entity starts at a token start and ends at a token end; text is the original slice", arguments: lines)
    func aligned(_ line: String) throws { try aligned(line, requireSome: true) }

    private func aligned(_ line: String, requireSome: Bool) throws {
        let segmenter = try #require(Fixture.segmenter)
        let tokens = segmenter.tokenize(line)
        let found = try Fixture.entities(line)
        #expect(!requireSome || !found.isEmpty)
        let starts = Set(tokens.map(\.scalarRange.lowerBound)), ends = Set(tokens.map(\.scalarRange.upperBound))
        let scalars = Array(line.unicodeScalars)
        var previousEnd = 0
        for entity in found {
            #expect(starts.contains(entity.scalarRange.lowerBound), "\(entity)")
            #expect(ends.contains(entity.scalarRange.upperBound), "\(entity)")
            #expect(entity.scalarRange.lowerBound >= previousEnd, "overlap or out of order: \(entity)")
            previousEnd = entity.scalarRange.upperBound
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[entity.scalarRange])
            #expect(entity.text == String(view))
        }
    }

    @Test("a regex match that cuts a token is dropped")
    func regexCuttingToken() throws {
        let extractor = try EntityExtractor(patterns: [PatternEntity(name: "tail", pattern: #"\d{4}$"#)])
        // 20241105123456 is one token; its last four digits are not an entity.
        let found = try Fixture.entities("订单20241105123456", extractor: extractor)
        #expect(found.map(\.name) == ["number"])
    }

    @Test("lines with nothing in them", arguments: ["啊啊啊啊", "osifhaskdnkauer", "？？？", "", "   ", "我要退货", "便宜一点", "我们一块去吧", "快递三四天"])
    func nothing(_ line: String) throws {
        #expect(try Fixture.entities(line).isEmpty)
    }

    @Test("tokens that do not match the line find nothing rather than trap")
    func foreignTokens() throws {
        let segmenter = try #require(Fixture.segmenter)
        let tokens = segmenter.tokenize("明天下午三点前退350元到13812345678，邮箱 li.wei@example.com")
        let found = EntityExtractor.builtInsOnly.extract(from: "明天", tokens: tokens, at: Fixture.reference)
        #expect(found.allSatisfy { $0.scalarRange.upperBound <= 2 })
    }

    /// Fragments that are entities, parts of entities or neither, glued in random orders.
    static let fragments = ["明天", "下午", "三点", "半", "退", "350", "元", "块", "9", "毛", "13812345678", " ", "-", "+86",
                            "138", "1234", "5678", "周", "五", "下", "个", "月", "3号", "百分之", "二十", "万", "1.5", "¥",
                            "天", "后", "前", "小时", "li.wei@example.com", "，", "一", "点", "零", "两", "：", "30", "年"]

    @Test("random lines: entities are aligned, in order, without overlaps, with texts from the line", arguments: 0..<40)
    func randomLines(_ seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        var line = ""
        for _ in 0..<12 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            line += Self.fragments[Int(state >> 33) % Self.fragments.count]
        }
        try aligned(line, requireSome: false)
    }
}
