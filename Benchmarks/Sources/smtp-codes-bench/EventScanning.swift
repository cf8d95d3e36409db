import Foundation
import ReplyExplainer
import SMTPCatalog

/// `--events-only`: a million generated Postfix log lines through `EventScanner` (format
/// detected, no classification), seven in ten of them carrying no reply, as a busy log has
/// them; then the lines without and with a reply timed apart (docs/formats.md, "Cost").
enum EventScanning {
    static func report(count: Int = 1_000_000) {
        // The scanner classifies only for the reply format's fallback: an empty book will do.
        let classifier = ReasonClassifier(book: ReasonBook(reasons: [], rules: [], byCode: []))
        let lines = (0..<count).map { index in Array(line(index).utf8) }
        let bytes = lines.reduce(0) { $0 + $1.count + 1 }
        print("## Event scanning\n")
        print("\(count) generated Postfix lines, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, 7 in 10 without a reply\n")
        print("| run | lines | seconds | per line | events |")
        print("|---|---:|---:|---:|---:|")
        for round in 1...3 {
            let (seconds, events) = run(lines, classifier, format: nil)
            print("| detected, round \(round) | \(count) | \(String(format: "%.3f", seconds)) | \(perLine(seconds, count)) | \(events) |")
        }
        let quiet = lines.enumerated().filter { $0.offset % 10 < 7 }.map(\.element)
        let loud = lines.enumerated().filter { $0.offset % 10 >= 7 }.map(\.element)
        for (name, set) in [("no reply (best of 3)", quiet), ("with a reply (best of 3)", loud)] {
            var best = (Double.infinity, 0)
            for _ in 1...3 {
                let result = run(set, classifier, format: .postfix)
                if result.0 < best.0 { best = result }
            }
            print("| \(name) | \(set.count) | \(String(format: "%.3f", best.0)) | \(perLine(best.0, set.count)) | \(best.1) |")
        }
        print()
    }

    private static func perLine(_ seconds: Double, _ count: Int) -> String {
        String(format: "%.0f ns", seconds * 1e9 / Double(count))
    }

    private static func run(_ lines: [[UInt8]], _ classifier: ReasonClassifier, format: InputFormat?) -> (Double, Int) {
        var scanner = EventScanner(format: format, classifier: classifier)
        var events = 0
        let seconds = Measure.seconds {
            for (index, line) in lines.enumerated() {
                scanner.feed(line.span, number: index + 1) { _ in events += 1 }
            }
            scanner.finish { _ in events += 1 }
        }
        return (seconds, events)
    }

    private static func queueID(_ index: Int) -> String { String(format: "%010X", index &* 2_654_435_761 & 0xFF_FFFF_FFFF) }

    /// Line `index` of the generated log: kinds 0–5 carry no reply, 6–9 do.
    static func line(_ index: Int) -> String {
        let kind = index % 10 < 7 ? index % 6 : 6 + index % 4
        let time = "Mar  5 10:12:" + String(format: "%02d", index % 60)
        let id = queueID(index), user = "user\(index % 1000)", client = "client\(index % 97).example.org[203.0.113.\(index % 250)]"
        let relay = "mx\(index % 5).example.com[192.0.2.\(index % 250)]"
        switch kind {
        case 0: return "\(time) mail postfix/smtpd[\(2000 + index % 500)]: connect from \(client)"
        case 1: return "\(time) mail postfix/smtpd[\(2000 + index % 500)]: \(id): client=\(client)"
        case 2: return "\(time) mail postfix/cleanup[\(3000 + index % 500)]: \(id): message-id=<20240305101233.\(index)@example.org>"
        case 3: return "\(time) mail postfix/qmgr[1234]: \(id): from=<sender\(index % 50)@example.org>, size=\(1000 + index % 90000), nrcpt=1 (queue active)"
        case 4: return "\(time) mail postfix/smtpd[\(2000 + index % 500)]: disconnect from \(client) ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"
        case 5: return "\(time) mail postfix/qmgr[1234]: \(id): removed"
        case 6: return "\(time) mail postfix/smtp[\(4000 + index % 500)]: \(id): to=<\(user)@example.com>, relay=\(relay):25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as \(queueID(index + 7)))"
        case 7: return "\(time) mail postfix/smtp[\(4000 + index % 500)]: \(id): to=<\(user)@example.com>, relay=\(relay):25, delay=2.1, delays=0.1/0/0.5/1.5, dsn=5.1.1, status=bounced (host \(relay) said: 550 5.1.1 <\(user)@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))"
        case 8: return "\(time) mail postfix/smtp[\(4000 + index % 500)]: \(id): to=<\(user)@example.net>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[198.51.100.\(index % 250)]:25: Connection timed out)"
        default: return "\(time) mx postfix/smtpd[\(2000 + index % 500)]: NOQUEUE: reject: RCPT from unknown[203.0.113.\(index % 250)]: 554 5.7.1 <\(user)@example.org>: Relay access denied; from=<spam\(index % 31)@example.net> to=<\(user)@example.org> proto=ESMTP helo=<bad.example.net>"
        }
    }
}
