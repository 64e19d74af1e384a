import Foundation
import KefuTestSupport

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

    /// The bot's folder, written once per test run (suites running side by side share it).
    static func folder(masking: Bool) throws -> String {
        try (masking ? masked : unmasked).get()
    }

    private static let masked = Result { try write(masking: true) }
    private static let unmasked = Result { try write(masking: false) }

    /// Writes the bot into a fixed folder under the temporary directory, with the same content
    /// every run, so the model cached in its `.kefu/` is trained once, not on every run.
    private static func write(masking: Bool) throws -> String {
        let folder = URL(fileURLWithPath: try FixtureBot.writeShop(
            stableFolder: "kefu-privacy-tests-contact-\(masking ? "masked" : "unmasked")"))
        try Data(intent.utf8).write(to: folder.appendingPathComponent("intents/contact.yml"))
        if !masking { try Data("privacy: { mask: false }\n".utf8).write(to: folder.appendingPathComponent("bot.yml")) }
        return folder.path
    }
}
