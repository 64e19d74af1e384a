import SessionStorage
import ChatCore
import ChatEngine
import Dialogue
import Entities
import Foundation
import Transcripts

/// The stdio adapter (`kefu serve --stdio`, DESIGN §3): JSON request lines in, one JSON reply
/// line out for each, in the requests' order, for any number of interleaved sessions.
///
/// ```
/// → {"session":"c42","text":"我想退货"}
/// ← {"session":"c42","reply":"请提供您的订单号（14位数字）。","intent":"return_request","confidence":0.94,"answer":null,"slots":{},"handoff":false}
/// ```
///
/// Input is read in large chunks; the complete lines of a chunk form batches (at most
/// ``maximumBatch`` lines). A batch's sessions are answered concurrently, each session's lines in
/// order; the store (if any) records the batch in one transaction; then the replies are written
/// in input order. Output is flushed whenever no further complete line is waiting, so a client
/// that sends one line and waits gets its reply at once.
public struct StdioServer {
    public let engine: ChatEngine
    private let store: (any SessionStore)?
    /// Sessions seen lately (loaded from the store on first sight), with when each was last
    /// used; at most ``sessionCapacity``.
    private var sessions: [String: (stored: StoredSession, lastUse: UInt64)] = [:]
    private var uses: UInt64 = 0
    /// The most sessions kept in memory: beyond it the least recently used are dropped (read
    /// again from the store when they come back; without a store, forgotten).
    public var sessionCapacity = 10_000
    /// Seconds of silence after which a session's next line starts a fresh dialogue context; nil for never.
    public var idleTimeout: Double?
    /// The most times a batch's session is answered again because another server wrote it first.
    static let maximumAttempts = 64
    private var splitter = LineSplitter(limit: RequestLine.maximumLength)
    private var pending: [(number: Int, request: Result<Request, RequestError>)] = []
    /// The most lines answered together.
    public var maximumBatch = 256
    /// The fewest customer lines in a batch for which several cores are used.
    public var parallelThreshold = 8
    /// The reference time for lines without `now`; by default the clock in the bot's time zone.
    public var clock: @Sendable () -> ReferenceTime
    /// Where each session's conversation is kept as a transcript (`--record DIR`), written after
    /// every batch before its replies go out; nil for none.
    public var recording: RecordingFolder?
    /// Told what could not be recorded (the replies go out all the same).
    public var warn: (String) -> Void = { _ in }

    public init(engine: ChatEngine, store: (any SessionStore)? = nil) {
        self.engine = engine
        self.store = store
        let zone = engine.timeZone
        self.clock = { ReferenceTime(Date(), in: zone) }
    }

    /// Reads requests until `read` reports the end of input (0), answering every line.
    ///
    /// - Parameters:
    ///   - read: fills the buffer and returns the byte count (0 at the end of input).
    ///   - write: takes reply bytes (whole lines).
    ///   - flush: makes everything written so far reach the client.
    public mutating func serve<Failure: Error>(read: (UnsafeMutableRawBufferPointer) throws(Failure) -> Int,
                                               write: (UnsafeBufferPointer<UInt8>) -> Void,
                                               flush: () -> Void) async throws(Failure) {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try read(chunk)
            if count <= 0 { break }
            await feed(UnsafeBufferPointer(start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count), write: write)
            if !pending.isEmpty { await answerPending(write: write) }
            flush()
        }
        let zone = engine.timeZone
        splitter.finish { line, number in pending.append((number, Self.request(line, timeZone: zone))) }
        await answerPending(write: write)
        flush()
    }

    /// Answers a whole input at once and returns the output (for tests and tools).
    public mutating func respond(toInput input: [UInt8]) async -> [UInt8] {
        var output: [UInt8] = []
        var offset = 0
        await serve(read: { (buffer: UnsafeMutableRawBufferPointer) -> Int in
            let count = min(buffer.count, input.count - offset)
            input[offset..<(offset + count)].withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyMemory(from: $0) }
            offset += count
            return count
        }, write: { output.append(contentsOf: $0) }, flush: {})
        return output
    }

    private mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, write: (UnsafeBufferPointer<UInt8>) -> Void) async {
        var lines = pending
        pending = []
        let zone = engine.timeZone
        splitter.feed(bytes) { line, number in lines.append((number, Self.request(line, timeZone: zone))) }
        pending = lines
        while pending.count >= maximumBatch { await answerPending(write: write, limit: maximumBatch) }
    }

    private static func request(_ line: LineSplitter.Line, timeZone: TimeZone) -> Result<Request, RequestError> {
        switch line {
        case .bytes(let bytes): return Request.parse(bytes, timeZone: timeZone)
        case .tooLong:
            return .failure(RequestError(.lineTooLong, "the line is longer than \(RequestLine.maximumLength) bytes and was skipped; send shorter lines"))
        }
    }

    /// Answers the first `limit` pending lines (all by default) and writes their replies.
    private mutating func answerPending(write: (UnsafeBufferPointer<UInt8>) -> Void, limit: Int = .max) async {
        guard !pending.isEmpty else { return }
        let count = min(limit, pending.count)
        let batch = Array(pending[..<count])
        pending.removeFirst(count)
        var line = JSONLine(capacity: count * 200)
        for response in await answer(batch) {
            response.write(to: &line)
            line.endLine()
        }
        line.bytes.withUnsafeBufferPointer { write($0) }
    }

    /// The responses to one batch of lines, in order.
    mutating func answer(_ batch: [(number: Int, request: Result<Request, RequestError>)]) async -> [Response] {
        var responses = [Response?](repeating: nil, count: batch.count)
        var requests = [Request?](repeating: nil, count: batch.count)
        var works: [SessionWork] = []
        var workOfSession: [String: Int] = [:]
        var textLines = 0
        for (position, line) in batch.enumerated() {
            switch line.request {
            case .failure(let error):
                responses[position] = .error(error, line: line.number)
            case .success(let request):
                if let work = workOfSession[request.session] {
                    works[work].positions.append(position)
                } else {
                    do throws(StoreError) {
                        works.append(SessionWork(session: request.session, start: try await session(request.session), positions: [position]))
                        workOfSession[request.session] = works.count - 1
                    } catch {
                        responses[position] = .error(storeFailure(error, request), line: line.number)
                        continue
                    }
                }
                requests[position] = request
                if case .text = request.action { textLines += 1 }
            }
        }
        let now = clock()
        let time = Date().timeIntervalSince1970
        let frozen = requests
        var outcomes = run(works, frozen, now: now, time: time, parallel: textLines >= parallelThreshold)
        var failed: [String: StoreError] = [:]
        if let store {
            // Sessions another server wrote since they were read are read again and answered again.
            var unsaved = outcomes.indices.filter { outcomes[$0].changed }
            for attempt in 0..<Self.maximumAttempts where !unsaved.isEmpty {
                var record = StoreBatch()
                var turns: [(position: Int, record: TurnRecord)] = []
                for index in unsaved {
                    record.sessions.append((outcomes[index].session, outcomes[index].end))
                    turns.append(contentsOf: outcomes[index].turns)
                }
                record.turns = turns.sorted { $0.position < $1.position }.map(\.record)   // the history in input order
                let conflicts: Set<String>
                do throws(StoreError) {
                    conflicts = try await store.save(record)
                } catch {
                    for index in unsaved { failed[outcomes[index].session] = error }
                    break
                }
                unsaved = unsaved.filter { conflicts.contains(outcomes[$0].session) }
                guard !unsaved.isEmpty else { break }
                if attempt == Self.maximumAttempts - 1 {
                    for index in unsaved {
                        failed[outcomes[index].session] = StoreError("session '\(outcomes[index].session.prefix(64))' kept changing on other servers")
                    }
                    break
                }
                var again: [SessionWork] = []
                for index in unsaved {
                    var work = works[index]
                    do throws(StoreError) {
                        work.start = try await store.load(work.session) ?? StoredSession()
                    } catch {
                        failed[work.session] = error
                        continue
                    }
                    again.append(work)
                }
                let redone = run(again, frozen, now: now, time: time, parallel: false)
                var next: [Int] = []
                for (work, outcome) in zip(again, redone) {
                    let index = workOfSession[work.session]!
                    works[index] = work
                    outcomes[index] = outcome
                    next.append(index)
                }
                unsaved = next
            }
        }
        for outcome in outcomes {
            if let error = failed[outcome.session] {
                sessions[outcome.session] = nil   // read again next time
                for (position, _) in outcome.responses {
                    if let request = requests[position] {
                        responses[position] = .error(storeFailure(error, request), line: batch[position].number)
                    }
                }
                continue
            }
            remember(outcome.session, outcome.changed ? outcome.end.saved(at: time) : outcome.end)
            for (position, response) in outcome.responses { responses[position] = response }
            for (position, turn) in outcome.turns {
                recording?.record(session: turn.session, conversation: turn.conversation, turn: turn.turn, user: turn.text,
                                  reply: turn.reply, at: requests[position]?.now ?? now)
            }
        }
        trimSessions()
        for problem in recording?.save() ?? [] { warn(problem.description) }
        return responses.map { $0 ?? .error(RequestError(.storeFailed, "no reply was made"), line: 0) }
    }

    /// Each session's lines answered, on several cores when there are many.
    private func run(_ works: [SessionWork], _ requests: [Request?], now: ReferenceTime, time: Double, parallel: Bool) -> [SessionWork.Outcome] {
        let engine = self.engine
        let idleTimeout = self.idleTimeout
        if parallel, works.count > 1 {
            return ConcurrentMap.map(works.count) { works[$0].run(requests, engine: engine, now: now, time: time, idleTimeout: idleTimeout) }
        }
        return works.map { $0.run(requests, engine: engine, now: now, time: time, idleTimeout: idleTimeout) }
    }

    /// The session's state before this batch: from memory, else from the store, else a new one.
    private mutating func session(_ name: String) async throws(StoreError) -> StoredSession {
        if let known = sessions[name] { return known.stored }
        let stored = try await store?.load(name) ?? StoredSession()
        remember(name, stored)
        return stored
    }

    private mutating func remember(_ name: String, _ stored: StoredSession) {
        uses += 1
        sessions[name] = (stored, uses)
    }

    /// Drops the least recently used sessions beyond ``sessionCapacity``.
    private mutating func trimSessions() {
        for key in LRUEviction.keysToDrop(from: sessions, capacity: sessionCapacity, lastUse: \.lastUse, mayDrop: { _ in true }) {
            sessions[key] = nil
        }
    }

    private func storeFailure(_ error: StoreError, _ request: Request) -> RequestError {
        RequestError(.storeFailed, "\(error.description); \(error.advice)", session: request.session, id: request.id)
    }
}
