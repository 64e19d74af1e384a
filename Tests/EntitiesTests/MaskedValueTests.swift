import Testing

/// Phones and e-mail addresses as a privacy mask writes them are still phones and addresses, so
/// a masked transcript replays with the same slots.
@Suite("Masked phones and e-mail addresses")
struct MaskedValueTests {
    static let masked = #""138****5678""#

    static let cases: [EntityCase] = [
        EntityCase("138****5678", "phone", masked, "138****5678"),
        EntityCase("我的手机是138****5678，谢谢", "phone", masked, "138****5678"),
        EntityCase("138-****-5678", "phone", masked, "138-****-5678"),
        EntityCase("打 138 **** 5678", "phone", masked, "138 **** 5678"),
        EntityCase("+86 138 **** 5678", "phone", masked, "+86 138 **** 5678"),
        EntityCase("+86138****5678", "phone", masked, "+86138****5678"),
        EntityCase("电话：１３８****５６７８。", "phone", masked, "１３８****５６７８"),
        EntityCase("138＊＊＊＊5678", "phone", masked, "138＊＊＊＊5678"),
        EntityCase("l***@example.com", "email", #""l***@example.com""#, "l***@example.com"),
        EntityCase("邮箱L***@Example.com。", "email", #""l***@example.com""#, "L***@Example.com"),
        EntityCase("1***@139.com", "email", #""1***@139.com""#, "1***@139.com"),
        EntityCase("Ｌ***＠ｅｘａｍｐｌｅ．ｃｏｍ", "email", #""l***@example.com""#, "Ｌ***＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ]

    @Test("masked values", arguments: cases)
    func masked(_ entityCase: EntityCase) throws { try entityCase.check() }

    /// Stars anywhere else are no mask: no phone, no e-mail address.
    @Test(arguments: ["13****45678", "138***5678", "1*8****5678", "138****567", "***@example.com", "l***@example", "l***@localhost"])
    func notMaskedValues(_ line: String) throws {
        let found = try Fixture.entities(line)
        #expect(!found.contains { $0.name == "phone" || $0.name == "email" }, "\(found.map { "\($0.name) \($0.text)" })")
    }
}
