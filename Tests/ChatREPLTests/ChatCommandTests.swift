import Foundation
import KefuTestSupport
import Testing

/// `kefu chat` through a pipe: plain lines in, bare replies out. Each test first waits for
/// `Shop.engine`, which caches the model in the fixture's `.kefu/`, so `kefu` loads it from there
/// instead of training again.
@Suite struct ChatCommandTests {
    init() { _ = Shop.engine }

    @Test func pipedLinesGetOneReplyEach() throws {
        let result = try Kefu.run(["chat", "--bot", Shop.folder], input: "你好\n\n运费怎么算\n")
        #expect(result.status == 0, "\(result.error)")
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3, "\(result.text)")   // two replies and the final line break
        #expect(lines[1] == "订单满 99 元包邮，不满 99 元收取 8 元运费。")
        #expect(!result.text.contains("Kefu 客服"))    // no banner on a pipe
        #expect(!result.text.contains("客服："))
        #expect(result.error.isEmpty, "\(result.error)")
    }

    @Test func agentCommandsWorkThroughAPipeAndProblemsGoToStandardError() throws {
        let input: [UInt8] = Array(":intents\n".utf8) + [0xFF, 0x0A] + Array(":nope\n:kb 包邮吗\n".utf8)
        let result = try Kefu.run(["chat", "--bot", Shop.folder], input: input)
        #expect(result.status == 0)
        #expect(result.text.contains("order_status"))
        #expect(result.text.contains("1. shipping-fee"))
        #expect(result.error.contains("kefu chat: line 2: the line is not valid UTF-8"))
        #expect(result.error.contains("kefu chat: line 3: unknown command :nope"))
    }

    @Test func aMegabyteLineThroughAPipeIsRefusedAndTheNextLineAnswered() throws {
        let input = String(repeating: "退货", count: 500_000) + "\n运费怎么算\n"
        let result = try Kefu.run(["chat", "--bot", Shop.folder], input: input)
        #expect(result.status == 0)
        #expect(result.error.contains("kefu chat: line 1: the line is too long (1000000 characters"))
        #expect(result.text == "订单满 99 元包邮，不满 99 元收取 8 元运费。\n")
    }

    @Test func aMissingBotFolderIsBadUsage() throws {
        let result = try Kefu.run(["chat", "--bot", "/nonexistent-kefu-bot"], input: "你好\n")
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("kefu: "))
        #expect(result.text.isEmpty)
    }
}
