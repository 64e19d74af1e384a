@testable import AgentTerminal
import ChatCore
import ChatService
import Foundation
import HummingbirdTesting
import KefuTestSupport
import Testing

/// `kefu agent`: the inbox's reading of frames, and the command run against a live server.
@Suite struct AgentTerminalTests {
    static func frame(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    @Test func theInboxListsOpenCasesOldestFirstAndResolvesNumbers() throws {
        var inbox = AgentInbox(agent: "王芳")
        let lines = inbox.apply(try Self.frame("""
            {"type":"queue","agent":"王芳","cases":[
             {"session":"bbbbbbbbbbbbbbbb","status":"claimed","reason":"anger","cue":"word 投诉","agent":"李雷","requested_at":200},
             {"session":"aaaaaaaaaaaaaaaa","status":"waiting","reason":"asked","requested_at":100}]}
            """), now: 400)
        #expect(lines == ["connected as 王芳: 1 waiting, 1 with agents (:list to see them, :help for commands)"])
        let listing = inbox.listing(now: 400)
        #expect(listing.count == 2)
        #expect(listing[0].contains("aaaaaaaaaaaa  waiting  the customer asked for a human  5 min"))
        #expect(listing[1].contains("claimed by 李雷  the customer is upset (word 投诉)"))
        #expect(inbox.resolve("1") == "aaaaaaaaaaaaaaaa")
        #expect(inbox.resolve("bbb") == "bbbbbbbbbbbbbbbb")
        #expect(inbox.resolve("3") == nil)
        #expect(inbox.resolve("zzz") == nil)
    }

    @Test func pushedFramesReadAsLines() throws {
        var inbox = AgentInbox(agent: "王芳")
        inbox.current = "s1"
        #expect(inbox.apply(try Self.frame(#"{"type":"case","case":{"session":"s2","status":"waiting","reason":"misses","cue":"miss 2 of 2","requested_at":1}}"#), now: 1)
            == ["new case s2: the bot did not understand (miss 2 of 2)"])
        #expect(inbox.apply(try Self.frame(#"{"type":"message","session":"s1","message":{"author":"customer","text":"<b>在吗</b>","time":1}}"#), now: 1)
            == ["customer: <b>在吗</b>"])
        #expect(inbox.apply(try Self.frame(#"{"type":"message","session":"s2","message":{"author":"customer","text":"喂","time":1}}"#), now: 1)
            == ["[s2] customer: 喂"])
        #expect(inbox.apply(try Self.frame(#"{"type":"message","session":"s1","message":{"author":"agent","agent":"王芳","text":"您好","time":1}}"#), now: 1)
            .isEmpty)   // my own line was shown when I sent it
        #expect(inbox.apply(try Self.frame(#"{"type":"case","case":{"session":"s2","status":"claimed","agent":"李雷","reason":"misses","requested_at":1}}"#), now: 1)
            == ["s2 taken by 李雷"])
    }

    @Test func theCommandClaimsAnswersAndReleasesACaseOnALiveServer() async throws {
        let server = try await makeServer(token: "s3cret")
        _ = try await server.hub.say("转人工", in: "term-1")
        try await application(server).test(.live) { client in
            let url = "http://127.0.0.1:\(client.port ?? 0)"
            let result = try await Self.kefu(["agent", "--server", url, "--token", "s3cret", "--name", "王芳"],
                                             input: ":list\n:claim 1\n您好，我来帮您\n:release\n:quit\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.text.contains("connected as 王芳: 1 waiting"))
            #expect(result.text.contains("customer: 转人工"))
            #expect(result.text.contains("claimed term-1"))
            #expect(result.text.contains("you: 您好，我来帮您"))
            #expect(result.text.contains("gave term-1 back to the bot"))
            let refused = try await Self.kefu(["agent", "--server", url, "--token", "wrong"], input: ":list\n")
            #expect(refused.status == 2)
            #expect(refused.error.contains("token"))
        }
        let history = try await server.hub.snapshot(of: "term-1")
        #expect(history.messages.contains { $0.author == .agent && $0.text == "您好，我来帮您" && $0.agent == "王芳" })
        #expect(history.handoff == nil)
        #expect(server.hub.queue().isEmpty)
    }

    /// Runs the kefu binary off the concurrency pool, so the live server keeps its threads.
    static func kefu(_ arguments: [String], input: String) async throws -> Kefu.Result {
        try await withCheckedThrowingContinuation { done in
            DispatchQueue.global().async {
                done.resume(with: Result { try Kefu.run(arguments, input: input) })
            }
        }
    }
}
