import BotDefinition
import Testing

@Suite("A broken bot folder") struct BrokenBotTests {
    private static func check() throws -> BotCheckReport {
        let folder = try BotFolder(BrokenBot.files)
        defer { folder.remove() }
        return try BotLoader.check(folder: folder.path)
    }

    @Test("each error is reported with its file, line and what to fix", arguments: BrokenBot.errors.indices)
    func error(_ index: Int) throws {
        let expected = BrokenBot.errors[index]
        let report = try Self.check()
        let found = report.errors.filter { issue in
            issue.file == expected.file && issue.line == expected.line
                && expected.phrases.allSatisfy { issue.message.contains($0) }
        }
        #expect(found.count == 1, "\(expected) not in:\n\(report.issues.map(\.description).joined(separator: "\n"))")
    }

    @Test("each warning is reported", arguments: BrokenBot.warnings.indices)
    func warning(_ index: Int) throws {
        let expected = BrokenBot.warnings[index]
        let report = try Self.check()
        #expect(report.warnings.contains { issue in
            issue.file == expected.file && issue.line == expected.line
                && expected.phrases.allSatisfy { issue.message.contains($0) }
        }, "\(expected) not in:\n\(report.issues.map(\.description).joined(separator: "\n"))")
    }

    @Test("nothing else is reported, and issues come sorted by file and line")
    func nothingElse() throws {
        let report = try Self.check()
        #expect(report.errors.count == BrokenBot.errors.count, "\(report.issues.map(\.description).joined(separator: "\n"))")
        #expect(report.warnings.count == BrokenBot.warnings.count, "\(report.issues.map(\.description).joined(separator: "\n"))")
        #expect(report.issues.map(\.location) == report.issues.map(\.location).sorted())
        #expect(report.summary == "\(BrokenBot.errors.count) errors, \(BrokenBot.warnings.count) warnings in 9 files")
    }

    @Test("issues print gcc-style")
    func description() throws {
        let report = try Self.check()
        let issue = try #require(report.issues.first { $0.message.contains("exmaples") })
        #expect(issue.description.hasPrefix("intents/orders.yml:7:5: error: unknown key 'exmaples'"))
    }

    @Test("Bot.load refuses a folder with errors")
    func loadThrows() throws {
        let folder = try BotFolder(BrokenBot.files)
        defer { folder.remove() }
        #expect {
            _ = try Bot.load(from: folder.path)
        } throws: { error in
            guard case let .invalid(issues) = error as? BotLoadError else { return false }
            return issues.filter { $0.severity == .error }.count == BrokenBot.errors.count
        }
    }
}
