import Foundation
import KefuTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The shop fixture with a form that asks for a phone number and then an e-mail address, so a
/// state holds a phone number between the two questions; with or without masking.
enum ContactBot {
    static let intent = """
        intents:
          - name: change_contact
            examples: [我要改联系方式, 修改手机号和邮箱, 更新联系信息, change my contact details, 改一下手机号,
                       换个手机号码, 联系方式变了, 我要更新手机和邮箱]
            slots:
              phone: { entity: phone, prompt: 请提供新的手机号。 }
              email: { entity: email, prompt: 请提供新的邮箱。 }
            reply: 已将联系方式改为 {phone}、{email}。

        """

    /// The bot in a fixed folder under the temporary directory, rewritten on every call with the
    /// same content, so the model cached in its `.kefu/` is trained once, not on every run.
    static func folder(masking: Bool) throws -> String {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let written = URL(fileURLWithPath: try FixtureBot.writeShop(into: scratch))
        try Data(intent.utf8).write(to: written.appendingPathComponent("intents/contact.yml"))
        if !masking { try Data("privacy: { mask: false }\n".utf8).write(to: written.appendingPathComponent("bot.yml")) }
        let stable = FileManager.default.temporaryDirectory
            .appendingPathComponent("kefu-privacy-tests-contact-\(masking ? "masked" : "unmasked")-\(getuid())")
        try FileManager.default.createDirectory(at: stable, withIntermediateDirectories: true)
        for part in ["intents", "knowledge-base", "bot.yml"] {
            try? FileManager.default.removeItem(at: stable.appendingPathComponent(part))
            if FileManager.default.fileExists(atPath: written.appendingPathComponent(part).path) {
                try FileManager.default.copyItem(at: written.appendingPathComponent(part), to: stable.appendingPathComponent(part))
            }
        }
        return stable.path
    }
}
