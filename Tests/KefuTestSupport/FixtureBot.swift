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
}
