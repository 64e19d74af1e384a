import Foundation
import KefuTestSupport
import Testing

/// `kefu chat` on a real (pseudo-)terminal: readline with Chinese editing, tab completion,
/// history and Ctrl-D. Skipped where no pseudo-terminal can be opened.
@Suite struct TerminalSessionTests {
    init() { _ = Shop.engine }   // trains and caches the fixture's model, so kefu starts fast

    /// `kefu chat` on the shop fixture on a new pseudo-terminal, with `home` as its HOME.
    func startChat(home: ScratchDirectory) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: try #require(Kefu.path), arguments: ["chat", "--bot", Shop.folder],
            environment: ["HOME": home.url.path, "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
    }

    static let hasPseudoTerminals: Bool = {
        guard let calls = PseudoTerminalCalls.load(), Kefu.path != nil else { return false }
        let master = calls.open(O_RDWR | O_NOCTTY)
        if master >= 0 { close(master) }
        return master >= 0
    }()

    @Test(.enabled(if: hasPseudoTerminals, "needs a pseudo-terminal (posix_openpt) and the built kefu"),
          .timeLimit(.minutes(1)))
    func readlineEditsChineseCompletesCommandsAndKeepsHistory() throws {
        let home = try ScratchDirectory()
        defer { home.remove() }
        let terminal = try startChat(home: home)

        #expect(terminal.wait(for: "顾客> ", timeout: 20), "no prompt: \(terminal.transcript)")
        #expect(terminal.transcript.contains(":help"))                       // the banner

        // Each line is typed once readline shows the prompt again: keys typed earlier reach the
        // terminal in cooked mode, where backspace deletes a byte, not a character.
        terminal.type("你好\r")
        #expect(terminal.wait(for: "客服：", timeout: 10), "\(terminal.transcript)")
        #expect(terminal.wait(for: "顾客> ", count: 2, timeout: 10), "\(terminal.transcript)")

        // Type 我想退货, delete two characters (退货: six bytes) with backspace, type 查订单.
        terminal.type("我想退货\u{7F}\u{7F}查订单\r")
        #expect(terminal.wait(for: "客服：", count: 2, timeout: 10), "\(terminal.transcript)")
        #expect(terminal.wait(for: "顾客> ", count: 3, timeout: 10), "\(terminal.transcript)")

        // Tab completes :he to :help.
        terminal.type(":he\t\r")
        #expect(terminal.wait(for: "Agent commands", timeout: 10), "\(terminal.transcript)")
        #expect(terminal.wait(for: "顾客> ", count: 4, timeout: 10), "\(terminal.transcript)")

        // Up arrow brings :help back.
        terminal.type("\u{1B}[A\r")
        #expect(terminal.wait(for: "Agent commands", count: 2, timeout: 10), "\(terminal.transcript)")
        #expect(terminal.wait(for: "顾客> ", count: 5, timeout: 10), "\(terminal.transcript)")

        // Ctrl-D on an empty line ends the session.
        terminal.type("\u{04}")
        #expect(terminal.waitForExit(timeout: 10) == 0, "\(terminal.transcript)")

        let history = try String(contentsOfFile: home.path(".kefu_history"), encoding: .utf8)
        #expect(history.split(separator: "\n") == ["你好", "我想查订单", ":help"], "\(history)")
    }

    @Test(.enabled(if: hasPseudoTerminals, "needs a pseudo-terminal (posix_openpt) and the built kefu"),
          .timeLimit(.minutes(1)))
    func anUnwritableHistoryIsAWarningNotAnError() throws {
        let home = try ScratchDirectory()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.path(".kefu_history"), withIntermediateDirectories: true)
        let terminal = try startChat(home: home)
        #expect(terminal.wait(for: "顾客> ", timeout: 20), "\(terminal.transcript)")
        #expect(terminal.transcript.contains("history"), "\(terminal.transcript)")
        terminal.type("你好\r")
        #expect(terminal.wait(for: "客服：", timeout: 10), "\(terminal.transcript)")
        #expect(terminal.wait(for: "顾客> ", count: 2, timeout: 10), "\(terminal.transcript)")
        terminal.type(":quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0, "\(terminal.transcript)")
    }

    /// Ctrl-C as the terminal would send it: SIGINT to the program while readline waits (the
    /// pseudo-terminal is not the program's controlling terminal, so typing ^C would not do it).
    @Test(.enabled(if: hasPseudoTerminals, "needs a pseudo-terminal (posix_openpt) and the built kefu"),
          .timeLimit(.minutes(1)))
    func controlCDropsTheLineAndTheSessionGoesOn() throws {
        let home = try ScratchDirectory()
        defer { home.remove() }
        let terminal = try startChat(home: home)
        #expect(terminal.wait(for: "顾客> ", timeout: 20), "\(terminal.transcript)")
        terminal.type("这一行不要了")
        #expect(terminal.wait(for: "这一行不要了", timeout: 10), "\(terminal.transcript)")
        terminal.interrupt()
        #expect(terminal.wait(for: "顾客> ", count: 2, timeout: 10), "\(terminal.transcript)")
        terminal.type("你好\r")
        #expect(terminal.wait(for: "客服：", timeout: 10), "\(terminal.transcript)")
        #expect(terminal.wait(for: "顾客> ", count: 3, timeout: 10), "\(terminal.transcript)")
        terminal.type(":quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0, "\(terminal.transcript)")
        let history = try String(contentsOfFile: home.path(".kefu_history"), encoding: .utf8)
        #expect(history == "你好\n:quit\n", "\(history)")   // the dropped line is not in it
    }
}
