import Foundation

/// Writes an mbox of RFC 3464 delivery status notifications, deterministic, in the shapes
/// MTAs send: a plain-text part, the `message/delivery-status` part (one to three
/// recipients), the returned headers; every third message's text part in base64 and every
/// fifth in quoted-printable. The diagnostic texts are the bundled rules' own examples.
struct BounceGenerator {
    let replies: [String]

    func write(messages count: Int, to url: URL) throws {
        var text = ""
        text.reserveCapacity(count * 1600)
        for index in 0..<count {
            let boundary = "=_bench_\(index)"
            let recipients = 1 + index % 3
            var status = ""
            var summary = ""
            for recipient in 0..<recipients {
                let reply = replies[(index * 7 + recipient * 13) % replies.count]
                let code = reply.split(separator: " ").dropFirst().first.map(String.init) ?? "5.0.0"
                let address = "user\(index)-\(recipient)@example.net"
                let action = reply.hasPrefix("4") ? "delayed" : "failed"
                status += "\nFinal-Recipient: rfc822; \(address)\nAction: \(action)\nStatus: \(code)\n"
                status += "Remote-MTA: dns; mx.example.net\nDiagnostic-Code: smtp; \(reply)\n"
                summary += "<\(address)>: host mx.example.net[192.0.2.\(recipient + 1)] said: \(reply)\n"
            }
            let body = "This is the mail system at host mail.example.org.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n\(summary)"
            let encoding: String, encoded: String
            if index % 3 == 0 {
                encoding = "base64"
                let base64 = Data(body.utf8).base64EncodedString()
                encoded = stride(from: 0, to: base64.count, by: 76).map { start in
                    let from = base64.index(base64.startIndex, offsetBy: start)
                    return String(base64[from..<(base64.index(from, offsetBy: 76, limitedBy: base64.endIndex) ?? base64.endIndex)])
                }.joined(separator: "\n")
            } else if index % 5 == 0 {
                encoding = "quoted-printable"
                encoded = body.replacingOccurrences(of: "=", with: "=3D")
            } else {
                encoding = "7bit"
                encoded = body
            }
            text += """
                From MAILER-DAEMON Tue Mar  5 10:12:\(String(format: "%02d", index % 60)) 2024
                Return-Path: <>
                From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
                To: sender@example.org
                Subject: Undelivered Mail Returned to Sender
                Date: Tue, 5 Mar 2024 10:12:\(String(format: "%02d", index % 60)) +0000
                Message-ID: <bounce-\(index)@mail.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="\(boundary)"

                --\(boundary)
                Content-Type: text/plain; charset=us-ascii
                Content-Transfer-Encoding: \(encoding)

                \(encoded)

                --\(boundary)
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.example.org
                Arrival-Date: Tue, 5 Mar 2024 10:11:00 +0000
                \(status)
                --\(boundary)
                Content-Type: text/rfc822-headers

                From: sender@example.org
                Subject: Invoice \(index)

                --\(boundary)--


                """
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
