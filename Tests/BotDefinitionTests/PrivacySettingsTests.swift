import BotDefinition
import Testing

/// `privacy: { mask: … }` in bot.yml.
@Suite("Privacy setting") struct PrivacySettingsTests {
    private func check(botYML: String?) throws -> BotCheckReport {
        var files = ["intents/shop.yml": lines("intents:", "  - name: greet", "    examples: [你好, 在吗]", "    reply: 您好！")]
        if let botYML { files["bot.yml"] = botYML }
        let folder = try BotFolder(text: files)
        defer { folder.remove() }
        return try BotLoader.check(folder: folder.path)
    }

    @Test func masksByDefault() throws {
        #expect(BotSettings().privacy.mask)
        #expect(try check(botYML: nil).bot.settings.privacy == PrivacySettings(mask: true))
        #expect(try check(botYML: lines("name: 小蜜")).bot.settings.privacy.mask)
    }

    @Test(arguments: [
        ("privacy: { mask: false }", false), ("privacy: { mask: true }", true),
        ("privacy:\n  mask: no", false), ("privacy: { mask: off }", false), ("privacy: { mask: yes }", true),
        ("privacy: {}", true),
    ])
    func readsTheSwitch(_ text: String, _ mask: Bool) throws {
        let report = try check(botYML: lines("name: 小蜜", text))
        #expect(report.issues == [])
        #expect(report.bot.settings.privacy.mask == mask)
        #expect(report.bot.settings.name == "小蜜")
    }

    @Test(arguments: [
        (lines("privacy: { mask: maybe }"), 1, ["`privacy.mask` should be true", "found 'maybe'"]),
        (lines("privacy:", "  masks: false"), 2, ["unknown key 'masks'", "did you mean 'mask'?"]),
        (lines("privacy: true"), 1, ["`privacy` should be a mapping"]),
        (lines("privcy: { mask: false }"), 1, ["unknown key 'privcy'", "did you mean 'privacy'?"]),
    ])
    func mistakesNameFileAndLine(_ text: String, _ line: Int, _ phrases: [String]) throws {
        let report = try check(botYML: text)
        #expect(report.errors.contains { issue in
            issue.file == "bot.yml" && issue.line == line && phrases.allSatisfy { issue.message.contains($0) }
        }, "\(report.issues.map(\.description).joined(separator: "\n"))")
        #expect(report.bot.settings.privacy.mask, "a setting in error leaves masking on")
    }
}
