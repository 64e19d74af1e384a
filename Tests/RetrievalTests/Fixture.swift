import Retrieval
import Segmentation

/// The shipped segmenter, loaded once for the whole test target.
let sharedSegmenter: Segmenter? = try? Segmenter.shipped()

/// A small shop's knowledge base (each entry with paraphrases).
let shopEntries = [
    KnowledgeBaseEntry(id: "shipping-time", questions: ["什么时候发货", "多久能发货", "下单后几天发货"]),
    KnowledgeBaseEntry(id: "shipping-fee", questions: ["运费怎么算", "包邮吗", "满多少包邮"], answer: "满 99 元包邮。"),
    KnowledgeBaseEntry(id: "return", questions: ["怎么退货", "退货流程是什么"], tags: ["after-sales"]),
    KnowledgeBaseEntry(id: "invoice", questions: ["能开发票吗", "发票怎么开"]),
]
