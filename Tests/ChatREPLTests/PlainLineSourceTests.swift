import ChatREPL
import Foundation
import KefuTestSupport
import Testing

/// Plain line reading from a file descriptor: line breaks, long lines, bad bytes.
@Suite struct PlainLineSourceTests {
    /// Every line `PlainLineSource` reads from a file holding `bytes`.
    func lines(of bytes: [UInt8]) throws -> [InputLine] {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write("input.txt", bytes)
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var source = PlainLineSource(descriptor: descriptor)
        var lines: [InputLine] = []
        while let line = source.nextLine(prompt: "ignored> ") { lines.append(line) }
        return lines
    }

    @Test func splitsAtLineBreaksAndDropsCarriageReturns() throws {
        #expect(try lines(of: Array("你好\r\n我想退货\n\n最后一行".utf8))
            == [.text("你好"), .text("我想退货"), .text(""), .text("最后一行")])
        #expect(try lines(of: []) == [])
        #expect(try lines(of: Array("\n".utf8)) == [.text("")])
    }

    @Test func invalidUTF8IsOneBadLineAndReadingGoesOn() throws {
        let bytes: [UInt8] = Array("好".utf8) + [0xFF, 0xFE, 0x0A] + Array("再见\n".utf8) + [0xE6, 0x88]
        #expect(try lines(of: bytes) == [.invalidUTF8, .text("再见"), .invalidUTF8])
    }

    @Test func aMegabyteLineIsReadWhole() throws {
        let long = String(repeating: "退", count: 400_000)   // 1.2 MB, across many reads
        let read = try lines(of: Array("短\n\(long)\n尾".utf8))
        #expect(read == [.text("短"), .text(long), .text("尾")])
    }

    @Test func aCharacterSplitAcrossReadsStaysWhole() throws {
        // 65,535 ASCII bytes put the next 3-byte character across the 64 KiB read boundary.
        let prefix = String(repeating: "a", count: 65_535)
        #expect(try lines(of: Array("\(prefix)退货\n".utf8)) == [.text(prefix + "退货")])
    }
}
