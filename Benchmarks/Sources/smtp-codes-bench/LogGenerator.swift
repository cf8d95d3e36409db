import Foundation
import SyntheticCatalog

/// Writes a Postfix mail log of a given number of lines, deterministic for a seed, with
/// the mix a busy relay shows: connections, cleanup and queue-manager lines, and about a
/// quarter of the lines carrying a reply (sent, deferred, bounced, NOQUEUE rejects). The
/// reply texts are the bundled rules' own examples (written for this project), so the
/// log holds real provider wording without taking anyone's log.
struct LogGenerator {
    let replies: [String]
    /// The synthetic catalog's generator: the same log on every machine.
    var random = SplitMix64(seed: 0x5EED)

    private mutating func next() -> UInt64 { random.next() }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let domains = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "comcast.net", "gmx.de", "web.de", "yandex.ru",
                          "mail.ru", "example.com", "example.net", "example.org", "aol.com", "hotmail.com", "orange.fr"]

    mutating func write(lines count: Int, to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        var second = 0
        for index in 0..<count {
            if index % 40 == 0 { second += 1 }
            let day = 1 + (second / 86_400) % 28
            let time = String(format: "%@ %2d %02d:%02d:%02d", Self.months[(second / (86_400 * 28)) % 12], day,
                              (second / 3600) % 24, (second / 60) % 60, second % 60)
            let queue = String(format: "%010X", next() % 0xFF_FFFF_FFFF)
            let user = "user\(next() % 50_000)"
            let domain = pick(Self.domains)
            let ip = "198.51.100.\(next() % 250 + 1)"
            let roll = next() % 100
            let line: String
            switch roll {
            case 0..<25:
                line = "\(time) mx1 postfix/smtpd[\(1000 + next() % 9000)]: connect from unknown[\(ip)]"
            case 25..<45:
                line = "\(time) mx1 postfix/cleanup[\(1000 + next() % 9000)]: \(queue): message-id=<\(next())@example.org>"
            case 45..<65:
                line = "\(time) mx1 postfix/qmgr[2211]: \(queue): from=<sender@example.org>, size=\(next() % 90_000 + 900), nrcpt=1 (queue active)"
            case 65..<75:
                line = "\(time) mx1 postfix/smtpd[\(1000 + next() % 9000)]: disconnect from unknown[\(ip)] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"
            case 75..<87:
                line = "\(time) mx1 postfix/smtp[\(1000 + next() % 9000)]: \(queue): to=<\(user)@\(domain)>, relay=mx.\(domain)[\(ip)]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK \(next() % 1_000_000) - gsmtp)"
            case 87..<95:
                let reply = pick(replies)
                let status = reply.first == "4" ? "deferred" : "bounced"
                let dsn = reply.split(separator: " ").dropFirst().first.map(String.init) ?? "5.0.0"
                line = "\(time) mx1 postfix/smtp[\(1000 + next() % 9000)]: \(queue): to=<\(user)@\(domain)>, relay=mx.\(domain)[\(ip)]:25, delay=2.1, delays=0.1/0/0.5/1.5, dsn=\(dsn), status=\(status) (host mx.\(domain)[\(ip)] said: \(reply) (in reply to RCPT TO command))"
            default:
                let reply = pick(replies)
                line = "\(time) mx1 postfix/smtpd[\(1000 + next() % 9000)]: NOQUEUE: reject: RCPT from unknown[\(ip)]: \(reply); from=<spam@example.net> to=<\(user)@example.org> proto=ESMTP helo=<example.net>"
            }
            buffer += line
            buffer += "\n"
            if buffer.utf8.count >= 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
