import ChatCore

/// Finds the e-mail addresses the mask hides: a local part of letters, digits and `. _ % + -`
/// before an `@`, a domain of two or more labels whose last is letters only.
///
/// 「邮箱li.wei@example.com。」: the local part is `li.wei` (it stops at 「箱」), the domain
/// `example.com` (the final 「。」 is not in it). Full-width forms (「ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ」) count.
enum EmailAddress {
    /// The end of the domain after the `@` at `at` (``EmailDomain``), or nil when none follows it.
    static func domainEnd(_ folded: [UInt32], after at: Int) -> Int? {
        EmailDomain.end(folded, from: at + 1)
    }

    /// How many scalars at the end of `written` form a local part (leading dots left out).
    static func localPartLength(_ written: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < written.count, MaskScalar.isLocalPart(MaskScalar.fold(written[written.count - 1 - count])) {
            count += 1
        }
        while count > 0, MaskScalar.fold(written[written.count - count]) == 0x2E { count -= 1 }
        return count
    }
}
