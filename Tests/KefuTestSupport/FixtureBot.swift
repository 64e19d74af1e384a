/// A small shop bot written into a scratch folder, for tests that need a whole bot folder.
import Foundation

public enum FixtureBot {
    /// `intents/shop.yml` of the fixture: an order-number regex, a city lookup list, and three
    /// intents in Chinese and English.
    public static let intents = """
        entities:
          order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }
          city: { values: { 北京: [北京市, 帝都, beijing] } }
        intents:
          - name: order_status
            examples: [我的订单到哪了, 快递怎么还没到, 帮我查一下订单 20241105123456, where is my order, 查物流,
                       订单什么时候到, 我的包裹到哪里了, track my package]
            slots:
              order_id: { entity: order_id, prompt: 请提供您的订单号（14位数字）。 }
            reply: 订单 {order_id} 正在配送。
          - name: return_request
            examples: [我想退货, 这个东西怎么退, 申请退货, i want to return this, 退货流程是什么, 商品不满意想退,
                       怎么退款退货, return my item]
            reply: 好的，请提供订单号。
          - name: greeting
            examples: [你好, 您好, 在吗, hello, hi, 早上好, 有人吗, 哈喽]
            reply: 您好！

        """

    /// Writes the fixture bot into `directory` and returns the bot folder's path.
    @discardableResult
    public static func write(into directory: ScratchDirectory) throws -> String {
        let folder = directory.url.appendingPathComponent("bot")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("intents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("knowledge-base"), withIntermediateDirectories: true)
        try Data(intents.utf8).write(to: folder.appendingPathComponent("intents/shop.yml"))
        return folder.path
    }

    /// `intents/shop.yml` of the fuller shop fixture: order lookups, a cancel that asks for
    /// confirmation, small talk, a hand-off intent and out-of-scope examples.
    public static let shopIntents = """
        entities:
          order_id: { pattern: '(?<!\\d)\\d{14}(?!\\d)' }
        intents:
          - name: order_status
            examples: [我的订单到哪了, 快递怎么还没到, 帮我查一下订单 20241105123456, where is my order, 查物流,
                       订单什么时候到, 我的包裹到哪里了, track my package, 物流信息查一下, 查下我的快递]
            slots:
              order_id: { entity: order_id, prompt: 请提供您的订单号（14位数字）。 }
            lookup: { table: orders, key: order_id }
            reply: 订单 {order_id} 当前状态：{order.status}，预计 {order.eta} 送达。
          - name: cancel_order
            examples: [取消订单, 我要取消订单, 帮我取消这个订单, cancel my order, 不想要了取消吧, 订单取消掉,
                       下错单了要取消, 刚下的单能取消吗]
            slots:
              order_id: { entity: order_id, prompt: 请提供要取消的订单号（14位数字）。 }
            lookup: { table: orders, key: order_id }
            confirm: 订单 {order_id}（{order.items}）取消后无法恢复，确认取消吗？
            reply: 已为您取消订单 {order_id}。
          - name: greeting
            examples: [你好, 您好, 在吗, hello, hi, 早上好, 有人吗, 哈喽]
            reply: 您好！请问有什么可以帮您？
          - name: thanks
            examples: [谢谢, 多谢, 谢谢你, thanks, thank you, 感谢, 太感谢了, 好的谢谢]
            reply: 不客气！
          - name: goodbye
            examples: [再见, 拜拜, bye, 没事了再见, goodbye, 先这样吧拜拜, 88, 下次见]
            reply: 再见，祝您生活愉快！
          - name: affirm
            examples: [是的, 对, 确认, 好的, yes, 没错, 嗯嗯, 可以]
          - name: deny
            examples: [不是, 不要, 不用了, no, 算了, 不对, 取消吧不要了, 不需要]
          - name: human_agent
            examples: [转人工, 人工客服, 我要找人工, 找真人, talk to a human, 人工服务, 叫你们客服来, 要人工]
          - name: out_of_scope
            examples: [今天天气怎么样, 讲个笑话, 你会唱歌吗, 1加1等于几, 推荐一部电影, 周末去哪玩, 股票会涨吗, 帮我写作业]

        """

    /// The shop fixture's knowledge base: returns, the return shipping fee, shipping fees, invoices.
    public static let shopKnowledgeBase = """
        - id: return-policy
          questions: [怎么退货, 可以退货吗, 退货政策是什么, 七天无理由退货吗, how do I return an item]
          answer: 签收后 7 天内可无理由退货，商品需保持完好。
          tags: [returns]
        - id: return-shipping-fee
          questions: [退货运费谁出, 退货要运费吗, 退货的运费怎么算, who pays return shipping]
          answer: 质量问题退货运费由我们承担，无理由退货运费由您承担。
          tags: [returns, shipping]
        - id: shipping-fee
          questions: [运费怎么算, 包邮吗, 满多少包邮, how much is shipping]
          answer: 订单满 99 元包邮，不满 99 元收取 8 元运费。
          tags: [shipping]
        - id: invoice
          questions: [怎么开发票, 可以开发票吗, 发票怎么申请, can I get an invoice]
          answer: 签收后在「我的订单」里申请电子发票。
          tags: [invoices]

        """

    /// The shop fixture's orders table.
    public static let shopOrders = """
        order_id,status,eta,items
        20241105123456,已发货,11月8日,蓝牙耳机
        20241106000001,待发货,11月10日,保温杯
        20241107000002,已签收,11月6日,数据线

        """

    /// Writes the fuller shop fixture (intents, knowledge base, orders table) into `directory`
    /// and returns the bot folder's path.
    @discardableResult
    public static func writeShop(into directory: ScratchDirectory) throws -> String {
        let folder = directory.url.appendingPathComponent("shop")
        let tables = folder.appendingPathComponent("knowledge-base/tables")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("intents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try Data(shopIntents.utf8).write(to: folder.appendingPathComponent("intents/shop.yml"))
        try Data(shopKnowledgeBase.utf8).write(to: folder.appendingPathComponent("knowledge-base/faq.yml"))
        try Data(shopOrders.utf8).write(to: tables.appendingPathComponent("orders.csv"))
        return folder.path
    }
}
