import ChatService
import Foundation
import HummingbirdTesting
import HummingbirdWSTesting
import Synchronization
import Testing
import WSClient

/// A frame's JSON object.
func frameObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
}

/// The WebSockets over a live server: replies in order, pushed agent messages, the agent's hello.
@Suite struct ChatSocketTests {
    @Test func everyReplyArrivesInOrderWithItsId() async throws {
        let frames = Mutex<[String]>([])
        try await application(try await makeServer()).test(.live) { client in
            try await client.ws("/ws") { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                guard case .text(let hello)? = try await iterator.next() else { return }
                frames.withLock { $0.append(hello) }
                let lines = ["你好", "我想退货", "20241105123456", "尺码不合适", "运费怎么算"]
                for round in 0..<4 {
                    for (index, line) in lines.enumerated() {
                        try await outbound.write(.text(#"{"type":"message","id":\#(round * 10 + index),"text":"\#(line)"}"#))
                    }
                }
                for _ in 0..<20 {
                    guard case .text(let text)? = try await iterator.next() else { return }
                    frames.withLock { $0.append(text) }
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
        let seen = frames.withLock { $0 }.map(frameObject)
        #expect(seen.first?["type"] as? String == "hello")
        #expect((seen.first?["session"] as? String)?.count == 32)
        let replies = seen.dropFirst()
        #expect(replies.count == 20)
        #expect(replies.allSatisfy { $0["type"] as? String == "reply" })
        let ids: [Int] = replies.compactMap { $0["id"] as? Int }
        let sent: [Int] = (0..<4).flatMap { round in (0..<5).map { round * 10 + $0 } }
        #expect(ids == sent)
        let turns = replies.compactMap { (($0["result"] as? [String: Any])?["reply"] as? String) }
        #expect(turns.count == 20)
    }

    @Test func anAgentMessageIsPushedToTheCustomersSocket() async throws {
        let server = try await makeServer(token: "s3cret")
        let pushed = Mutex<String?>(nil)
        try await application(server).test(.live) { client in
            try await client.ws("/ws?session=live-1") { inbound, outbound, _ in
                var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                _ = try await iterator.next()   // hello
                try await outbound.write(.text(#"{"type":"message","id":1,"text":"转人工"}"#))
                _ = try await iterator.next()   // the reply
                try await server.hub.claim("live-1", agent: "王芳")
                try await server.hub.agentSay("您好，我是王芳", in: "live-1", agent: "王芳")
                while case .text(let text)? = try await iterator.next() {
                    let frame = frameObject(text)
                    if frame["type"] as? String == "message" {
                        pushed.withLock { $0 = text }
                        break
                    }
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
        let message = pushed.withLock { $0 }.map(frameObject)?["message"] as? [String: Any]
        #expect(message?["author"] as? String == "agent")
        #expect(message?["agent"] as? String == "王芳")
        #expect(message?["text"] as? String == "您好，我是王芳")
    }

    @Test func anAgentSocketWithoutTheTokenIsTurnedAway() async throws {
        let answer = Mutex<String?>(nil)
        try await application(try await makeServer(token: "s3cret")).test(.live) { client in
            try await client.ws("/api/agent/ws") { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"hello","token":"guess","agent":"x"}"#))
                var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                if case .text(let text)? = try await iterator.next() { answer.withLock { $0 = text } }
            }
        }
        let refusal = answer.withLock { $0 }.map(frameObject)
        #expect(refusal?["type"] as? String == "error")
        #expect((refusal?["error"] as? [String: Any])?["code"] as? String == "unauthorized")
    }

    @Test func anAgentSocketWithTheTokenGetsTheQueue() async throws {
        let server = try await makeServer(token: "s3cret")
        _ = try await server.hub.say("转人工", in: "q1")
        let answer = Mutex<String?>(nil)
        try await application(server).test(.live) { client in
            try await client.ws("/api/agent/ws") { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"hello","token":"s3cret","agent":"王芳"}"#))
                var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                if case .text(let text)? = try await iterator.next() { answer.withLock { $0 = text } }
                try await outbound.write(.text(#"{"type":"claim","session":"q1","id":3}"#))
                if case .text(let text)? = try await iterator.next() {
                    let frame = frameObject(text)
                    // the case event and the ok answer may come in either order
                    #expect(["ok", "case"].contains(frame["type"] as? String ?? ""))
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
        let queue = answer.withLock { $0 }.map(frameObject)
        #expect(queue?["type"] as? String == "queue")
        #expect(queue?["agent"] as? String == "王芳")
        #expect((queue?["cases"] as? [[String: Any]])?.first?["session"] as? String == "q1")
        #expect(server.hub.queue().first?.agent == "王芳")
    }
}
