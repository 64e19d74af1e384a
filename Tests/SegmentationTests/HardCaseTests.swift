/// Hard cases for the shipped segmenter: ambiguous runs of Chinese characters, unknown words,
/// mixed scripts, full-width forms, numbers, phones, e-mail, URLs and emoji, each with the exact
/// tokens a person would cut the line into.
import ChatCore
import Segmentation
import Testing

struct HardCase: CustomTestStringConvertible, Sendable {
    var line: String
    var tokens: [String]

    init(_ line: String, _ spaced: String) {
        self.line = line
        tokens = spaced.split(separator: " ").map(String.init)
    }

    var testDescription: String { line }
}

@Suite("Hard cases")
struct HardCaseTests {
    /// Chinese runs where the dictionary route and the HMM must pick the right cut.
    static let ambiguousChinese: [HardCase] = [
        HardCase("永和服装饰品有限公司", "永和 服装 饰品 有限公司"),
        HardCase("他来到了网易杭研大厦", "他 来到 了 网易 杭研 大厦"),
        HardCase("我来到北京清华大学", "我 来到 北京 清华大学"),
        HardCase("结婚的和尚未结婚的", "结婚 的 和 尚未 结婚 的"),
        HardCase("南京市长江大桥", "南京市 长江大桥"),
        HardCase("研究生命起源", "研究 生命 起源"),
        HardCase("他说的确实在理", "他 说 的 确实 在理"),
        HardCase("乒乓球拍卖完了", "乒乓球 拍卖 完 了"),
        HardCase("我爱北京天安门", "我 爱 北京 天安门"),
        HardCase("中华人民共和国成立了", "中华人民共和国 成立 了"),
        HardCase("上海自来水来自海上", "上海 自来水 来自 海上"),
        HardCase("韦小宝说", "韦小宝 说"),
        HardCase("王小明是创新办主任也是云计算方面的专家", "王小明 是 创新 办 主任 也 是 云 计算 方面 的 专家"),
        HardCase("工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
                 "工信处 女干事 每月 经过 下属 科室 都 要 亲口 交代 24 口 交换机 等 技术性 器件 的 安装 工作"),
        HardCase("发票抬头写错了怎么办", "发票 抬头 写错 了 怎么办"),
        HardCase("你好，我的快递怎么还没到？", "你好 ， 我 的 快递 怎么 还 没 到 ？"),
        HardCase("我想查一下", "我 想 查 一下"),        // the HMM would glue 我想查
        HardCase("我要退货", "我 要 退货"),            // and 我要
    ]

    /// Lines that mix Chinese with Latin words, numbers, phones, addresses and emoji.
    static let mixedScript: [HardCase] = [
        HardCase("我的订单20241105123456到哪了", "我 的 订单 20241105123456 到 哪 了"),
        HardCase("查订单20241105123456", "查 订单 20241105123456"),
        HardCase("订单号A123B", "订单号 A123B"),
        HardCase("联系li.wei@example.com或13812345678，iPhone15价格3,200元",
                 "联系 li.wei@example.com 或 13812345678 ， iPhone15 价格 3,200 元"),
        HardCase("联系13812345678，满3,200元打12.5%折👍🏽", "联系 13812345678 ， 满 3,200 元 打 12.5% 折 👍🏽"),
        HardCase("看https://shop.example.com/a?b=1。", "看 https://shop.example.com/a?b=1 。"),
        HardCase("看https://shop.example.com/a?b=1.", "看 https://shop.example.com/a?b=1 ."),
        HardCase("电话138-1234-5678或+8613812345678", "电话 138-1234-5678 或 +8613812345678"),
        HardCase("型号A123B支持Wi-Fi，don't worry", "型号 A123B 支持 Wi-Fi ， don't worry"),
        HardCase("太棒了👍🏽👨‍👩‍👧🇨🇳", "太棒了 👍🏽 👨‍👩‍👧 🇨🇳"),
        HardCase("真的吗！！！好吧……", "真的 吗 ！！！ 好 吧 ……"),
        HardCase("我想买T恤和4s店的vip会员", "我 想 买 T恤 和 4s店 的 vip 会员"),
        HardCase("12.5元 3,200件 17%", "12.5 元 3,200 件 17%"),
        HardCase("我要退货，快递单号是SF1234567890", "我 要 退货 ， 快递 单号 是 SF1234567890"),
        HardCase("商品编号：100012345678，数量×2", "商品编号 ： 100012345678 ， 数量 × 2"),
        HardCase("こんにちは世界", "こんにちは 世界"),
        HardCase("(https://a.com/x)", "( https://a.com/x )"),
        HardCase("https://a.com/(x)看看", "https://a.com/(x) 看看"),
        HardCase("www.example.com,", "www.example.com ,"),
        HardCase("发到a@b.cn.", "发到 a@b.cn ."),
        HardCase("第1️⃣步", "第 1️⃣ 步"),
        HardCase("¥100 ￥100 100元 ℃", "¥ 100 ￥ 100 100 元 ℃"),
    ]

    /// Full-width letters, digits and signs: matched like ASCII, kept as typed.
    static let fullWidth: [HardCase] = [
        HardCase("ＦＩＬＡ的鞋打１７％折，价格１２．５元", "ＦＩＬＡ 的 鞋 打 １７％ 折 ， 价格 １２．５ 元"),
        HardCase("ＶＩＰ会员", "ＶＩＰ 会员"),
        HardCase("１３８１２３４５６７８", "１３８１２３４５６７８"),
        HardCase("Ｔ恤", "Ｔ恤"),
    ]

    @Test("ambiguous Chinese runs", arguments: ambiguousChinese)
    func ambiguous(_ hardCase: HardCase) throws {
        #expect(try Shipped.texts(hardCase.line) == hardCase.tokens)
    }

    @Test("mixed scripts", arguments: mixedScript)
    func mixed(_ hardCase: HardCase) throws {
        #expect(try Shipped.texts(hardCase.line) == hardCase.tokens)
    }

    @Test("full-width forms", arguments: fullWidth)
    func fullWidthForms(_ hardCase: HardCase) throws {
        #expect(try Shipped.texts(hardCase.line) == hardCase.tokens)
    }

    @Test("full-width and ASCII spellings cut alike and normalize alike")
    func fullWidthMatchesASCII() throws {
        let segmenter = try Shipped.segmenter()
        let wide = segmenter.tokenize("ＦＩＬＡ的鞋打１７％折，价格１２．５元")
        let narrow = segmenter.tokenize("fila的鞋打17%折,价格12.5元")
        #expect(wide.map(\.normalized) == narrow.map(\.normalized))
        #expect(wide.map(\.kind) == narrow.map(\.kind))
        #expect(wide.map(\.scalarRange) == narrow.map(\.scalarRange))
    }

    @Test("mixed-script dictionary words match whatever the case or width")
    func mixedScriptDictionaryWords() throws {
        let segmenter = try Shipped.segmenter()
        for line in ["T恤", "t恤", "Ｔ恤", "4s店", "4S店", "４Ｓ店"] {
            let tokens = segmenter.tokenize(line)
            #expect(tokens.count == 1, "\(line)")
            #expect(tokens.first?.kind == .word, "\(line)")
            #expect(tokens.first?.text == line)
        }
    }

    @Test("whitespace separates tokens and is dropped")
    func whitespaceIsDropped() throws {
        #expect(try Shipped.texts("  永和\t服装\u{3000}饰品 \u{A0}有限公司  ") == ["永和", "服装", "饰品", "有限公司"])
        #expect(try Shipped.texts("don't  worry") == ["don't", "worry"])
    }
}
