import Privacy
import Testing

/// One line and the line as the mask writes it.
struct MaskCase: Sendable, CustomTestStringConvertible {
    var text: String
    var masked: String
    init(_ text: String, _ masked: String) {
        self.text = text
        self.masked = masked
    }
    var testDescription: String { text }
}

@Suite("Privacy mask") struct PrivacyMaskTests {
    static let mask = PrivacyMask()

    static let phoneCases: [MaskCase] = [
        MaskCase("13812345678", "138****5678"),
        MaskCase("我的手机号是13812345678，谢谢", "我的手机号是138****5678，谢谢"),
        MaskCase("138-1234-5678", "138-****-5678"),
        MaskCase("打 138 1234 5678 找我", "打 138 **** 5678 找我"),
        MaskCase("+86 138 1234 5678", "+86 138 **** 5678"),
        MaskCase("+86-138-1234-5678", "+86-138-****-5678"),
        MaskCase("+86 13812345678", "+86 138****5678"),
        MaskCase("+8613812345678", "+86138****5678"),
        MaskCase("电话：１３８１２３４５６７８。", "电话：１３８****５６７８。"),
        MaskCase("１３８－１２３４－５６７８", "１３８－****－５６７８"),
        MaskCase("19912345678 和 15023456702", "199****5678 和 150****6702"),
        MaskCase("订单 20241105123456 手机 13812345678", "订单 20241105123456 手机 138****5678"),
        MaskCase("订单 20241105123456 13812345678", "订单 20241105123456 138****5678"),
        MaskCase("1 13812345678", "1 138****5678"),
        MaskCase("**13812345678**", "**138****5678**"),
        MaskCase("call13812345678now", "call138****5678now"),
    ]

    static let nonPhoneCases: [MaskCase] = [
        MaskCase("12345678901", "12345678901"),            // 12… is no mobile prefix
        MaskCase("138123456789", "138123456789"),          // 12 digits
        MaskCase("1381234567", "1381234567"),              // 10 digits
        MaskCase("113812345678", "113812345678"),          // inside a longer run
        MaskCase("0.13812345678", "0.13812345678"),        // a decimal
        MaskCase("13812345678.5 元", "13812345678.5 元"),
        MaskCase("138.1234.5678", "138.1234.5678"),        // dots do not join groups
        MaskCase("138  1234  5678", "138  1234  5678"),    // two spaces do not either
        MaskCase("+87 13812345678", "+87 138****5678"),    // the number alone still is one
        MaskCase("138 1234 567", "138 1234 567"),
    ]

    static let idCases: [MaskCase] = [
        MaskCase("110101199003071233", "110101********1233"),
        MaskCase("身份证11010519491231002X。", "身份证110105********002X。"),
        MaskCase("11010519491231002x", "110105********002x"),
        MaskCase("身份证号：440304198511205615", "身份证号：440304********5615"),
        MaskCase("11010120000229123X", "110101********123X"),              // 29 February 2000
        MaskCase("110105 19491231 002X", "110105 ******** 002X"),
        MaskCase("１１０１０１１９９００３０７１２３３", "１１０１０１********１２３３"),
    ]

    static let nonIDCases: [MaskCase] = [
        MaskCase("110101199003071234", "110101199003071234"),   // wrong check digit
        MaskCase("110101199013071237", "110101199013071237"),   // month 13, check digit right
        MaskCase("110101190002291233", "110101190002291233"),   // 29 February 1900
        MaskCase("910101199003071232", "910101199003071232"),   // no region starts with 9
        MaskCase("11010519491231002XY", "11010519491231002XY"), // X inside a word
        MaskCase("1101051949123100211", "1101051949123100211"), // 19 digits, no card prefix
        MaskCase("202411051234567897", "202411051234567897"),   // 18 digits, Luhn-valid, starts 2
    ]

    static let cardCases: [MaskCase] = [
        MaskCase("6222021234567894", "6222********7894"),
        MaskCase("卡号6222021234567890128。", "卡号6222***********0128。"),
        MaskCase("6222 0212 3456 7894", "6222 **** **** 7894"),
        MaskCase("6222-0212-3456-7890-128", "6222-****-****-***0-128"),
        MaskCase("4111111111111111", "4111********1111"),
        MaskCase("378282246310005", "3782*******0005"),
        MaskCase("3782 822463 10005", "3782 ****** *0005"),
        MaskCase("4222222222222", "4222*****2222"),
        MaskCase("4000000000006 ", "4000*****0006 "),
        MaskCase("62220212345678903", "6222*********8903"),
        MaskCase("9558801234567890128", "9558***********0128"),
        MaskCase("2221000000000009", "2221********0009"),
        MaskCase("６２２２０２１２３４５６７８９４", "６２２２********７８９４"),
    ]

    static let nonCardCases: [MaskCase] = [
        MaskCase("6222021234567890", "6222021234567890"),       // Luhn fails
        MaskCase("20241105123455", "20241105123455"),           // a Luhn-valid order number
        MaskCase("75311208846510", "75311208846510"),           // a Luhn-valid tracking number
        MaskCase("2721000000000004", "2721000000000004"),       // 2… outside 2221–2720
        MaskCase("6000000000004", "6000000000004"),             // 13 digits starting 6, Luhn-valid: no card
        MaskCase("62123456789012345676", "62123456789012345676"), // 20 digits
        MaskCase("6222 0212 3456 78 94", "6222 0212 3456 78 94"), // groups not of four
    ]

    static let emailCases: [MaskCase] = [
        MaskCase("li.wei@example.com", "l***@example.com"),
        MaskCase("邮箱Li.Wei@example.com。", "邮箱L***@example.com。"),
        MaskCase("发到 a@b.cn 就行", "发到 a***@b.cn 就行"),
        MaskCase("13812345678@139.com", "1***@139.com"),
        MaskCase("Ｌｉ．Ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "Ｌ***＠ｅｘａｍｐｌｅ．ｃｏｍ"),
        MaskCase("li_wei+shop@mail.example.com.cn, thanks", "l***@mail.example.com.cn, thanks"),
        MaskCase("x@example.com2", "x@example.com2"),          // no real top-level domain: not masked
        MaskCase("@example.com", "@example.com"),
        MaskCase("li@localhost", "li@localhost"),
        MaskCase("价格@99元", "价格@99元"),
    ]

    @Test("mobile numbers", arguments: phoneCases + nonPhoneCases)
    func phones(_ maskCase: MaskCase) { #expect(Self.mask.mask(maskCase.text) == maskCase.masked) }

    @Test("ID-card numbers", arguments: idCases + nonIDCases)
    func ids(_ maskCase: MaskCase) { #expect(Self.mask.mask(maskCase.text) == maskCase.masked) }

    @Test("bank-card numbers", arguments: cardCases + nonCardCases)
    func cards(_ maskCase: MaskCase) { #expect(Self.mask.mask(maskCase.text) == maskCase.masked) }

    @Test("e-mail addresses", arguments: emailCases)
    func emails(_ maskCase: MaskCase) { #expect(Self.mask.mask(maskCase.text) == maskCase.masked) }

    static let everything = phoneCases + nonPhoneCases + idCases + nonIDCases + cardCases + nonCardCases + emailCases

    @Test("masking twice is masking once", arguments: everything)
    func idempotent(_ maskCase: MaskCase) {
        let once = Self.mask.mask(maskCase.text)
        #expect(Self.mask.mask(once) == once)
    }

    @Test("off, the mask changes nothing", arguments: everything)
    func off(_ maskCase: MaskCase) {
        #expect(PrivacyMask(isEnabled: false).mask(maskCase.text) == maskCase.text)
        #expect(PrivacyMask.off.mask(maskCase.text) == maskCase.text)
    }

    @Test func onByDefault() {
        #expect(PrivacyMask().isEnabled)
        #expect(PrivacyMask().mask("13812345678") == "138****5678")
    }

    @Test func everythingElseStays() {
        let text = "您好😀，订单 20241105123456 已发货；手机13812345678、卡 6222 0212 3456 7894、"
            + "身份证 11010519491231002X、邮箱 li.wei@example.com。金额 ¥1,299.00，3.5 折，2026-11-28 10:30。"
        let masked = Self.mask.mask(text)
        #expect(masked == "您好😀，订单 20241105123456 已发货；手机138****5678、卡 6222 **** **** 7894、"
            + "身份证 110105********002X、邮箱 l***@example.com。金额 ¥1,299.00，3.5 折，2026-11-28 10:30。")
        // Numbers keep their length (only e-mail local parts change length).
        let numbers = "手机13812345678 卡6222021234567894 身份证110101199003071233"
        #expect(Self.mask.mask(numbers).unicodeScalars.count == numbers.unicodeScalars.count)
    }

    @Test func textWithoutDigitsOrAtSignsIsUntouched() {
        for text in ["", "我想退货", "where is my order?", "***", "****@", "a*b"] {
            #expect(Self.mask.mask(text) == text)
        }
    }

    @Test func slotValues() {
        let slots = ["phone": "13812345678", "order_id": "20241105123456", "email": "li.wei@example.com"]
        #expect(Self.mask.mask(slots) == ["phone": "138****5678", "order_id": "20241105123456", "email": "l***@example.com"])
        #expect(PrivacyMask.off.mask(slots) == slots)
    }

    @Test func maskIsASendableValue() {
        let masks: [PrivacyMask] = [PrivacyMask(), .off]
        let sendable: any Sendable = masks[0]
        #expect(sendable is PrivacyMask)
        #expect(Set(masks).count == 2)
    }
}
