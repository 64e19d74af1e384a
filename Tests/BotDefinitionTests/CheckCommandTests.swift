import KefuTestSupport
import Testing

@Suite("kefu check") struct CheckCommandTests {
    @Test func goodFolderPasses() throws {
        let folder = try BotFolder(text: GoodBot.files)
        defer { folder.remove() }
        let result = try Kefu.run(["check", "--bot", folder.path], input: "")
        #expect(result.status == 0, "\(result.text)\(result.error)")
        #expect(result.text == "ok: 3 intents, 2 knowledge-base entries, 1 table\n")
        #expect(result.error == "")
    }

    @Test func brokenFolderFailsWithEveryIssueOnStandardOutput() throws {
        let folder = try BotFolder(BrokenBot.files)
        defer { folder.remove() }
        let result = try Kefu.run(["check", "--bot", folder.path], input: "")
        #expect(result.status == 1)
        let lines = result.text.split(separator: "\n").map(String.init)
        #expect(lines.count == BrokenBot.errors.count + BrokenBot.warnings.count + 1)
        #expect(lines.last == "\(BrokenBot.errors.count) errors, \(BrokenBot.warnings.count) warnings in 9 files")
        for expected in BrokenBot.errors {
            let place = "\(folder.path)/\(expected.file):\(expected.line.map(String.init) ?? "")"
            #expect(lines.contains { $0.hasPrefix(place) && $0.contains(": error: ") && $0.contains(expected.phrases[0]) },
                    "\(place) \(expected.phrases[0])")
        }
        #expect(lines.filter { $0.contains(": warning: ") }.count == BrokenBot.warnings.count)
        #expect(result.error == "")
    }

    @Test func pathsStartWithTheBotFolderAsGiven() throws {
        let folder = try BotFolder(text: ["intents/a.yml": "intents:\n  - name: a\n    examples: [x]\n"])
        defer { folder.remove() }
        let result = try Kefu.run(["check", "--bot", folder.path + "/"], input: "")
        #expect(result.status == 1)
        #expect(result.text.contains("\n\(folder.path)/intents/a.yml:3:15: error: intent 'a' has only 1 example"))
        #expect(result.text.hasPrefix("\(folder.path)/intents/a.yml:2:11: warning: intent 'a' has neither `reply:` nor `slots:`"))
    }

    @Test func missingFolderIsBadInput() throws {
        let result = try Kefu.run(["check", "--bot", "/nonexistent/kefu-bot"], input: "")
        #expect(result.status == 2)
        #expect(result.text == "")
        #expect(result.error == "kefu: bot folder '/nonexistent/kefu-bot': no such folder; give the bot folder with --bot DIR\n")
    }

    @Test func helpDescribesTheCommand() throws {
        let result = try Kefu.run(["check", "--help"], input: "")
        #expect(result.status == 0)
        #expect(result.text.contains("--bot <dir>"))
        #expect(result.text.contains("Exit status"))
    }
}
