import KefuTestSupport
import Testing

/// `kefu chat`'s debug output (`:debug` lines, `:state`, `:why`) is masked; the replies, which
/// are the conversation itself, are not, and the slots behind them hold the values as typed.
@Suite("Masking in kefu chat's debug output", .serialized) struct ChatOutputMaskingTests {
    static let input = [":debug on", "我要改联系方式", "13812345678", ":state", ":why", "li.wei@example.com"]
        .joined(separator: "\n") + "\n"

    private func chat(masking: Bool) throws -> [String] {
        let result = try Kefu.run(["chat", "--bot", try ContactBot.folder(masking: masking)], input: Self.input)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty, "\(result.error)")
        return result.text.split(separator: "\n").map(String.init)
    }

    @Test func debugStateAndWhyAreMasked() throws {
        let lines = try chat(masking: true)
        let text = lines.joined(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  [") && $0.contains("phone=138****5678") }, "\(text)")
        #expect(lines.contains { $0.contains(#""phone" : "138****5678""#) }, "\(text)")   // :state
        #expect(lines.contains { $0.hasPrefix("  [") && $0.contains("email=l***@example.com, phone=138****5678") }, "\(text)")
        // The only raw values are in the reply: the slots were filled with them.
        let raw = lines.filter { $0.contains("13812345678") || $0.contains("li.wei") }
        #expect(raw == ["已将联系方式改为 13812345678、li.wei@example.com。"], "\(text)")
    }

    @Test func withMaskingOffDebugOutputShowsTheValues() throws {
        let lines = try chat(masking: false)
        #expect(lines.contains { $0.hasPrefix("  [") && $0.contains("phone=13812345678") }, "\(lines)")
        #expect(lines.contains { $0.contains(#""phone" : "13812345678""#) }, "\(lines)")
        #expect(!lines.contains { $0.contains("****") })
    }
}
