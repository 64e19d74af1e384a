/// Finds the e-mail addresses the mask hides: a local part of letters, digits and `. _ % + -`
/// before an `@`, a domain of two or more labels whose last is letters only.
///
/// 「邮箱li.wei@example.com。」: the local part is `li.wei` (it stops at 「箱」), the domain
/// `example.com` (the final 「。」 is not in it). Full-width forms (「ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ」) count.
enum EmailAddress {
    /// The end of the domain after the `@` at `at`, or nil when no domain follows it.
    /// - Complexity: O(length of the domain-like text after the `@`).
    static func domainEnd(_ folded: [UInt32], after at: Int) -> Int? {
        var position = at + 1
        var labels = 0
        var end: Int?
        while true {
            let start = position
            var letters = true
            while position < folded.count, MaskScalar.isDomainLabel(folded[position]) {
                if !(0x61...0x7A).contains(folded[position]) { letters = false }
                position += 1
            }
            guard position > start else { break }
            labels += 1
            if labels >= 2, letters, position - start >= 2 { end = position }
            guard position + 1 < folded.count, folded[position] == 0x2E,
                  MaskScalar.isDomainLabel(folded[position + 1]) else { break }
            position += 1
        }
        return end
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
