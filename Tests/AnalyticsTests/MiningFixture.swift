/// Lines a shop bot could not answer, written for these tests: three topics the bot has no intent
/// for (points and the membership card, invoice titles, overseas direct shipping), 10–12
/// colloquial paraphrases each with some English and mixed lines, among unrelated noise.
enum MiningFixture {
    static let points = [
        "积分怎么兑换", "我的积分能换什么东西", "会员积分可以抵现金吗", "积分兑换礼品在哪里操作", "会员卡的积分怎么查",
        "积分快过期了咋办", "how do I redeem my points", "积分能不能换优惠券", "会员卡积分怎么用啊", "can i use my points to pay",
        "攒了好多积分想兑换点东西", "会员卡points怎么兑",
    ]
    static let invoiceTitle = [
        "发票抬头写错了怎么改", "能开公司抬头的发票吗", "发票抬头可以改成单位名称吗", "我要开专票，抬头是公司", "抬头开错了能重开发票吗",
        "发票上的税号填错了", "the invoice title is wrong, can you change it", "可以开个人抬头的发票吗", "发票抬头和税号在哪填",
        "need an invoice with my company title", "开票抬头invoice怎么填",
    ]
    static let overseas = [
        "海外直邮要多久到", "你们支持海外直邮吗", "直邮的商品要交关税吗", "国外直邮能寄到国内吗", "海外直邮的运费怎么算",
        "是保税仓发货还是海外直邮", "do you ship overseas direct", "直邮包裹被海关扣了怎么办", "海外直邮清关要身份证吗",
        "overseas direct shipping takes how long", "海外购直邮多少天能到", "overseas直邮要交税吗",
    ]
    static let noise = [
        "今天天气怎么样", "你是机器人吗", "讲个笑话吧", "我想吃火锅", "你们老板是谁", "周末有什么好玩的", "手机屏幕碎了",
        "帮我订一张机票", "hello is anyone there", "这个颜色好看吗", "快递员态度太差了", "我家猫不吃饭", "你们公司在哪个城市",
        "最近股票怎么样", "asdfgh",
    ]

    /// The topic of each fixture line (nil for noise).
    static let topics: [String: String] = {
        var result: [String: String] = [:]
        for line in points { result[line] = "points" }
        for line in invoiceTitle { result[line] = "invoice" }
        for line in overseas { result[line] = "overseas" }
        return result
    }()

    /// Every line, topics and noise interleaved.
    static var lines: [String] {
        let groups = [points, invoiceTitle, overseas, noise]
        var result: [String] = []
        for index in 0..<(groups.map(\.count).max() ?? 0) {
            for group in groups where index < group.count { result.append(group[index]) }
        }
        return result
    }
}
