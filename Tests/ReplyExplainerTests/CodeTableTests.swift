import SMTPCatalog
import Testing
@testable import ReplyExplainer

/// The classifier's code fallbacks, filed by code: the first match must be the one a
/// scan of every constraint in order finds.
@Suite struct CodeTableTests {
    typealias Enhanced = (classDigit: Int, subject: Int, detail: Int)

    private static let entries: [(patterns: [ReplyCodePattern], command: String?)] = [
        ([.enhanced(classDigit: 5, subject: 7, detail: 606)], nil),
        ([.enhanced(classDigit: nil, subject: 1, detail: 0)], "MAIL"),
        ([.enhanced(classDigit: nil, subject: 1, detail: 0)], nil),
        ([.subject(classDigit: 2, subject: 0)], nil),
        ([.basic(550), .enhanced(classDigit: nil, subject: 1, detail: 1)], nil),
        ([.basic(550)], "rcpt"),
        ([.subject(classDigit: nil, subject: 7)], nil),
        ([.basicClass(4)], nil),
        ([.basic(421), .basic(421)], nil),
        ([.basicClass(5)], nil),
        ([.enhanced(classDigit: 4, subject: 7, detail: 1)], nil),
    ]

    /// What the classifier did before the table: try every constraint in order.
    private func scan(_ replyCode: Int?, _ enhanced: Enhanced?, _ command: String?) -> Int? {
        Self.entries.indices.first { index in
            let entry = Self.entries[index]
            if let required = entry.command?.uppercased(), required != command { return false }
            return entry.patterns.contains { $0.matches(replyCode: replyCode, enhanced: enhanced) }
        }
    }

    @Test func findsWhatAScanInOrderFinds() {
        let table = CodeTable(Self.entries)
        let replyCodes: [Int?] = [nil, 250, 421, 450, 451, 550, 553, 554]
        let enhancedCodes: [Enhanced?] = [nil, (2, 0, 0), (4, 7, 1), (5, 7, 1), (5, 7, 606), (4, 7, 606), (5, 1, 0), (5, 1, 1), (4, 4, 7), (5, 0, 0)]
        var compared = 0
        for replyCode in replyCodes {
            for enhanced in enhancedCodes {
                for command in [nil, "MAIL", "RCPT", "DATA"] {
                    let expected = scan(replyCode, enhanced, command)
                    #expect(table.first(replyCode: replyCode, enhanced: enhanced, command: command) == expected,
                            "\(String(describing: replyCode)) \(String(describing: enhanced)) \(command ?? "-")")
                    compared += 1
                }
            }
        }
        #expect(compared == 320)
    }

    @Test func theEarliestConstraintWinsAcrossKinds() {
        let table = CodeTable(Self.entries)
        // 550 5.1.1 is filed under 550, 5xx and X.1.1: entry 4 names both 550 and X.1.1 and comes first.
        #expect(table.first(replyCode: 550, enhanced: (5, 1, 1), command: "RCPT") == 4)
        // A MAIL reply with X.1.0 takes the command's entry, any other command the general one.
        #expect(table.first(replyCode: 550, enhanced: (5, 1, 0), command: "MAIL") == 1)
        #expect(table.first(replyCode: 550, enhanced: (5, 1, 0), command: "RCPT") == 2)
        // 5.7.606 in class 4 is not the provider's code; X.7 takes it.
        #expect(table.first(replyCode: 451, enhanced: (4, 7, 606), command: nil) == 6)
        #expect(table.first(replyCode: nil, enhanced: nil, command: nil) == nil)
        #expect(table.first(replyCode: 354, enhanced: nil, command: "DATA") == nil)
    }
}
