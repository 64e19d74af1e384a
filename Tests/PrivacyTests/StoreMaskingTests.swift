import Foundation
import KefuTestSupport
import Testing

/// `kefu serve --stdio --store FILE` writes no personal number and no e-mail address into the
/// SQLite file (or its WAL), unless bot.yml turns masking off; the replies on standard output,
/// and the slots behind them, keep the values as typed.
@Suite("Masking in the session store", .serialized) struct StoreMaskingTests {
    static let requests = [
        #"{"session":"s1","text":"我要改联系方式"}"#,
        #"{"session":"s1","text":"13812345678"}"#,
        #"{"session":"s2","text":"我的身份证是110101199003071233，卡号6222021234567894"}"#,
        #"{"session":"s2","text":"另一张卡 6222 0212 3456 7894，手机 +86 139 1234 5678"}"#,
        #"{"session":"s4","text":"我要改联系方式"}"#,
        #"{"session":"s4","text":"15023456702"}"#,
        #"{"session":"s4","text":"wang.fang@example.com"}"#,
    ].joined(separator: "\n") + "\n"

    /// The last line, in a second run: the e-mail address completes s1's form.
    static let secondRun = #"{"session":"s1","text":"li.wei@example.com"}"# + "\n"

    /// What must never be in the store with masking on.
    static let raw = ["13812345678", "110101199003071233", "6222021234567894", "0212 3456", "139 1234 5678", "li.wei@example.com", "li.wei",
                      "15023456702", "wang.fang"]

    /// Serves the requests with a store (the contact bot, masking on or off), and returns the
    /// store's bytes (database, WAL and shared-memory files together) and the replies.
    private func serve(masking: Bool) throws -> (store: String, replies: String) {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let bot = try ContactBot.folder(masking: masking)
        let store = directory.path("sessions.db")
        var replies = ""
        for input in [Self.requests, Self.secondRun] {
            let result = try Kefu.run(["serve", "--stdio", "--bot", bot, "--store", store], input: input)
            #expect(result.status == 0, "\(result.error)")
            replies += result.text
        }
        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: store + suffix) { bytes.append(data) }
        }
        return (String(decoding: bytes, as: UTF8.self), replies)
    }

    @Test func theStoreHoldsOnlyMaskedValues() throws {
        let (store, replies) = try serve(masking: true)
        for value in Self.raw {
            #expect(!store.contains(value), "\(value) is in the store")
        }
        for masked in ["138****5678", "110101********1233", "6222********7894", "6222 **** **** 7894", "+86 139 **** 5678", "l***@example.com",
                       "150****6702", "w***@example.com"] {
            #expect(store.contains(masked), "\(masked) should be in the store (user_text, reply_text or state)")
        }
        // In memory the slots hold the values as typed: the reply names them.
        #expect(replies.contains("已将联系方式改为 15023456702、wang.fang@example.com。"), "\(replies)")
        // A session continued after a restart has the masked value the store kept.
        #expect(replies.contains("已将联系方式改为 138****5678、li.wei@example.com。"), "\(replies)")
    }

    @Test func withMaskingOffTheValuesAreThereAsTyped() throws {
        let (store, _) = try serve(masking: false)
        for value in Self.raw {
            #expect(store.contains(value), "\(value) should be in the store with masking off")
        }
        #expect(!store.contains("138****5678"))
    }
}
