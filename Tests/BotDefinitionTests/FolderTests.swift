import BotDefinition
import Testing

@Suite("Bot folders and files") struct FolderTests {
    private func check(_ files: [String: String], folders: [String] = []) throws -> BotCheckReport {
        let folder = try BotFolder(text: files, folders: folders)
        defer { folder.remove() }
        return try BotLoader.check(folder: folder.path)
    }

    private func messages(_ report: BotCheckReport, _ severity: BotIssue.Severity) -> [String] {
        report.issues.filter { $0.severity == severity }.map { "\($0.location): \($0.message)" }
    }

    @Test func missingFolderIsUnreadable() {
        #expect(throws: BotLoadError.self) { try BotLoader.check(folder: "/nonexistent/kefu-bot") }
    }

    @Test func fileIsNotAFolder() throws {
        let folder = try BotFolder(text: ["file.txt": "x"])
        defer { folder.remove() }
        #expect {
            _ = try BotLoader.check(folder: folder.scratch.path("file.txt"))
        } throws: { error in
            guard case let .unreadableFolder(_, problem) = error as? BotLoadError else { return false }
            return problem.contains("not a folder")
        }
    }

    @Test func withoutIntentsFolderIsNotABot() throws {
        let report = try check(["README.md": "hello"])
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.file == "intents/")
        #expect(report.errors.first?.message.contains("not a bot folder") == true)
    }

    @Test func emptyIntentsFolderWarns() throws {
        let report = try check([:], folders: ["intents"])
        #expect(!report.hasErrors)
        #expect(messages(report, .warning) == ["intents/: no intent files; add intents/*.yml with `intents:` (a list of intents)"])
        #expect(report.summary == "ok: 0 intents, 0 knowledge-base entries, 0 tables, 1 warning")
    }

    @Test func emptyAndStrayFilesWarn() throws {
        let report = try check([
            "intents/empty.yml": "",
            "intents/notes.md": "# notes",
            "knowledge-base/tables/readme.txt": "x",
        ])
        #expect(!report.hasErrors)
        #expect(messages(report, .warning).count == 3)
        #expect(report.warnings.map(\.file) == ["intents/empty.yml", "intents/notes.md", "knowledge-base/tables/readme.txt"])
    }

    @Test("wrong shapes and declarations", arguments: [
        ("- name: a\n", 1, "an intents file should be a mapping with `intents:`"),
        ("intents:\n  name: a\n", 2, "'intents' should be a list"),
        ("intents:\n  - examples: [a, b]\n", 2, "an intent needs `name:`"),
        ("intents:\n  - name: a\n", 2, "has no `examples:`"),
        ("intents:\n  - name: [a]\n    examples: [x, y]\n", 2, "the intent's name should be text, found a list"),
        ("intents:\n  - name: a b\n    examples: [x, y]\n", 2, "cannot contain spaces"),
        ("intents:\n  - name: a\n    examples: [x, {k: v}]\n", 3, "each of the examples of intent 'a' should be text, found a mapping"),
        ("intents:\n  - name: a\n    examples: [x, '']\n", 3, "is empty"),
        ("intents:\n  - name: a\n    examples: [x, y]\n    slots:\n      s: { prompt: 请说 }\n", 5, "needs `entity:`"),
        ("intents:\n  - name: a\n    examples: [x, y]\n    lookup: { table: t }\n", 4, "needs `table:`"),
        ("intents:\n  - name: a\n    examples: [x, y]\n    reply: '{x.y}'\n", 4, "has no lookup"),
        ("entities:\n  e: { pattern: 'a', values: [b] }\n", 2, "both `pattern` and `values`"),
        ("entities:\n  e: {}\n", 2, "needs `pattern: '<regex>'` or `values:"),
        ("entities:\n  e: { values: { 北京: [京], 南京: [京] } }\n", 2, "stands for both '北京' and '南京'"),
        ("entities:\n  e: { values: {} }\n", 2, "has no values"),
        ("entities:\n  e: { patern: 'x' }\n", 2, "did you mean 'pattern'?"),
        ("entities:\n  e: { pattern: 'a' }\n  e: { pattern: 'b' }\n", 2, "appears more than once"),
        ("intents:\n\t- name: a\n", 2, "tabs"),
        ("intents:\n  - name: a\n    examples: [x, y]\n    reply: \"unclosed\n", 4, "YAML syntax error"),
    ])
    func intentFileError(_ text: String, _ line: Int, _ phrase: String) throws {
        let report = try check(["intents/a.yml": text])
        #expect(report.errors.contains { $0.line == line && $0.message.contains(phrase) },
                "\(messages(report, .error))")
    }

    @Test func entityDeclaredInTwoFiles() throws {
        let report = try check([
            "intents/a.yml": "entities:\n  sku: { pattern: 'SKU\\d+' }\n",
            "intents/b.yml": "entities:\n  sku: { values: [x] }\nintents:\n  - name: i\n    examples: [x, y]\n    slots: { s: sku }\n",
        ])
        #expect(messages(report, .error) == ["intents/b.yml:2:3: entity 'sku' is already declared at intents/a.yml:2:3; entity names are shared by all intent files, so keep one"])
    }

    @Test func patternMatchingEmptyTextWarns() throws {
        let report = try check(["intents/a.yml": "entities:\n  n: { pattern: '\\d*' }\n"])
        #expect(messages(report, .warning).first?.contains("matches empty text") == true)
    }

    @Test func repeatedExamplesAndQuestionsWarn() throws {
        let report = try check([
            "intents/a.yml": "intents:\n  - name: a\n    examples: [我要退货, 我要 退货, 退货]\n  - name: b\n    examples: [我要退货！, 换货]\n",
            "knowledge-base/kb.yml": "- id: x\n  questions: [运费]\n  answer: 8元\n- id: y\n  questions: [运费？]\n  answer: 9元\n",
        ])
        let warnings = messages(report, .warning).filter { !$0.contains("has neither `reply:` nor `slots:`") }
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("intents/a.yml:3:") && $0.contains("is repeated in intent 'a'") })
        #expect(warnings.contains { $0.hasPrefix("intents/a.yml:5:") && $0.contains("also an example of intent 'a'") })
        #expect(warnings.contains { $0.hasPrefix("knowledge-base/kb.yml:5:") && $0.contains("also a question of 'x'") })
    }

    @Test func dictionaryReportsEveryBadLineAndKeepsTheRest() throws {
        let report = try check(["intents/a.yml": "", "knowledge-base/dictionary.txt": "好 x 1\r\n坏 -1\r\n行\r\n一 二 三 四\n"])
        #expect(report.errors.map(\.line) == [1, 2, 4])
        #expect(report.bot.dictionary.entries.map(\.word) == ["行"])
        #expect(report.bot.dictionary.entries.map(\.line) == [3])
    }

    @Test func tableChecks() throws {
        let report = try check([
            "intents/a.yml": "",
            "knowledge-base/tables/t.csv": "id,,name,name\n1,a,b,c\n1,d,e,f\n",
            "knowledge-base/tables/empty.csv": "",
        ])
        let errors = messages(report, .error)
        #expect(errors.contains { $0.hasPrefix("knowledge-base/tables/t.csv:1:") && $0.contains("column 2 of the header has no name") })
        #expect(errors.contains { $0.hasPrefix("knowledge-base/tables/t.csv:1:") && $0.contains("'name' appears twice") })
        #expect(errors.contains { $0.hasPrefix("knowledge-base/tables/t.csv:3:") && $0.contains("key '1' is already used on line 2") })
        #expect(errors.contains { $0.hasPrefix("knowledge-base/tables/empty.csv:") && $0.contains("the table is empty") })
    }

    @Test func brokenTableIsNotReportedAgainByLookups() throws {
        let report = try check([
            "intents/a.yml": "intents:\n  - name: a\n    examples: [x, y]\n    slots: { k: number }\n    lookup: { table: t, key: k }\n",
            "knowledge-base/tables/t.csv": "k,v\n\"1,2\n",
        ])
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.file == "knowledge-base/tables/t.csv")
    }
}
