import Testing

@Suite("Phones, e-mail addresses, URLs")
struct ContactTests {
    static let phone = #""13812345678""#

    static let cases: [EntityCase] = [
        EntityCase("13812345678", "phone", phone, "13812345678"),
        EntityCase("138-1234-5678", "phone", phone, "138-1234-5678"),
        EntityCase("打 138 1234 5678", "phone", phone, "138 1234 5678"),
        EntityCase("+86 138 1234 5678", "phone", phone, "+86 138 1234 5678"),
        EntityCase("+8613812345678", "phone", phone, "+8613812345678"),
        EntityCase("电话：１３８１２３４５６７８。", "phone", phone, "１３８１２３４５６７８"),
        EntityCase("12345678901", "number", "12345678901", "12345678901"),   // not a mobile number
        EntityCase("邮箱 Li.Wei@example.com", "email", #""li.wei@example.com""#, "Li.Wei@example.com"),
        EntityCase("Ｌｉ．Ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "email", #""li.wei@example.com""#, "Ｌｉ．Ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
        EntityCase("网址 https://shop.example.com/a?b=1", "url", #""https://shop.example.com/a?b=1""#, "https://shop.example.com/a?b=1"),
        EntityCase("www.example.com", "url", #""www.example.com""#, "www.example.com"),
    ]

    @Test("contacts", arguments: cases)
    func contacts(_ entityCase: EntityCase) throws { try entityCase.check() }
}
