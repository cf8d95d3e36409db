/// The front of a syslog line, as Postfix and Sendmail log through syslog or their
/// own log files: the time (`Mar  5 10:12:33`, or RFC 3339 as rsyslog and journald
/// write it), the host, the program (`postfix/smtp`, `sm-mta`) with its optional
/// `[pid]`, and where the message starts (after `: `).
struct SyslogHeader {
    enum Time {
        /// `Mar  5 10:12:33`: no year, no zone.
        case syslog(month: Int, day: Int, secondOfDay: Int)
        case absolute(Int64)

        /// Seconds since 1970 (UTC); a syslog time is placed in the reference moment's year.
        func seconds(reference: Int64) -> Int64? {
            switch self {
            case .syslog(let month, let day, let secondOfDay):
                Timestamps.syslogSeconds(month: month, day: day, secondOfDay: secondOfDay, reference: reference)
            case .absolute(let seconds):
                seconds
            }
        }
    }

    var time: Time
    /// The program's name, without `[pid]`.
    var program: Range<Int>
    /// The first byte of the message.
    var message: Int

    /// Reads the header, or nil when the line does not start like a syslog line.
    static func read(_ line: Span<UInt8>) -> SyslogHeader? {
        var memo = SyslogTimeMemo()
        return read(line, memo: &memo)
    }

    /// Reads the header, taking the time from `memo` when the line starts with the same
    /// sixteen bytes as the last one read (a busy log writes many lines a second).
    static func read(_ line: Span<UInt8>, memo: inout SyslogTimeMemo) -> SyslogHeader? {
        let count = line.count
        guard count > 20 else { return nil }
        var time: Time
        var cursor: Int
        if ASCII.isDigit(line[0]) {
            guard let stamp = Timestamps.iso(line, at: 0) else { return nil }
            time = .absolute(stamp.seconds)
            cursor = stamp.end
        } else if let known = memo.time(of: line) {
            time = known
            cursor = SyslogTimeMemo.length - 1
        } else {
            guard let stamp = Timestamps.syslog(line, at: 0) else { return nil }
            time = .syslog(month: stamp.month, day: stamp.day, secondOfDay: stamp.secondOfDay)
            cursor = stamp.end
            memo.remember(line, time, end: cursor)
        }
        // Every line of a log comes through here, so the rest is read from the buffer directly.
        return line.withUnsafeBufferPointer { bytes -> SyslogHeader? in
            // One space, the host, one space.
            guard cursor < count, bytes[cursor] == 0x20 else { return nil }
            var hostEnd = cursor + 1
            while hostEnd < count, !ASCII.isBlank(bytes[hostEnd]) { hostEnd += 1 }
            guard hostEnd > cursor + 1, hostEnd < count else { return nil }
            let programStart = hostEnd + 1
            var index = programStart
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: ":") || byte == 0x20 { break }
                index += 1
            }
            guard index < count, index > programStart else { return nil }
            let program = programStart..<index
            if bytes[index] == UInt8(ascii: "[") {
                // The pid: a "]" within 24 bytes.
                let limit = min(count, index + 24)
                var close = index
                while close < limit, bytes[close] != UInt8(ascii: "]") { close += 1 }
                guard close < limit else { return nil }
                index = close + 1
            }
            guard index + 1 < count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == 0x20 else { return nil }
            return SyslogHeader(time: time, program: program, message: index + 2)
        }
    }
}

/// The last usual syslog time read (`Mar  5 10:12:33 `) with the sixteen bytes it was read
/// from, the space after it included: a line starting with the same bytes has the same time,
/// which then costs a comparison rather than a parse.
struct SyslogTimeMemo {
    static let length = 16
    private var prefix: (UInt64, UInt64)?
    private var time = SyslogHeader.Time.absolute(0)

    func time(of line: Span<UInt8>) -> SyslogHeader.Time? {
        guard let prefix, let bytes = Self.prefix(of: line), bytes == prefix else { return nil }
        return time
    }

    /// Keeps `time` when it was read from exactly the first fifteen bytes and a space follows,
    /// so that nothing beyond the sixteen bytes compared could have changed it.
    mutating func remember(_ line: Span<UInt8>, _ time: SyslogHeader.Time, end: Int) {
        guard end == Self.length - 1, let bytes = Self.prefix(of: line), line[end] == 0x20 else { return }
        prefix = bytes
        self.time = time
    }

    private static func prefix(of line: Span<UInt8>) -> (UInt64, UInt64)? {
        guard line.count >= length else { return nil }
        return line.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}

/// The remote host of a log line or bounce, written one way whatever the source:
/// `host [address]` (`mx.example.com [192.0.2.10]`), `host` alone or `[address]` alone,
/// without a port and without a trailing dot on the name.
enum RelayName {
    /// Reads `host[addr]:port` (Postfix), `host [addr]:port` (Exim), `host. [addr]` (Sendmail),
    /// `host (helo) [addr]` (Exim's client hosts) or a bare name from `range`.
    static func read(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        let range = line.trimmingBlanks(range)
        guard !range.isEmpty else { return nil }
        var hostEnd = range.upperBound
        var address: Range<Int>?
        if let open = line.firstIndex(of: UInt8(ascii: "["), in: range),
           let close = line.firstIndex(of: UInt8(ascii: "]"), in: open..<range.upperBound) {
            hostEnd = open
            if close > open + 1 { address = (open + 1)..<close }
        }
        // The name: the first word before the address, without a parenthesised HELO name.
        var host = line.trimmingBlanks(range.lowerBound..<hostEnd)
        host = host.lowerBound..<line.endOfWord(from: host.lowerBound, to: host.upperBound)
        if !host.isEmpty, line[host.lowerBound] == UInt8(ascii: "(") { host = host.lowerBound..<host.lowerBound }
        if address == nil, let colon = line.firstIndex(of: UInt8(ascii: ":"), in: host),
           line.firstIndex(of: UInt8(ascii: ":"), in: (colon + 1)..<host.upperBound) == nil {
            host = host.lowerBound..<colon
        }
        while !host.isEmpty, line[host.upperBound - 1] == UInt8(ascii: ".") || line[host.upperBound - 1] == UInt8(ascii: ",") {
            host = host.lowerBound..<(host.upperBound - 1)
        }
        guard let address else {
            // Postfix's `relay=none`: no relay.
            if host.isEmpty || (host.count == 4 && line.has(none, at: host.lowerBound)) { return nil }
            return line.string(host)
        }
        // "name [address]" or "[address]", put together as bytes: a log has one per reply.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(host.count + address.count + 3)
        if !host.isEmpty {
            bytes.append(line, host)
            bytes.append(0x20)
        }
        bytes.append(UInt8(ascii: "["))
        bytes.append(line, address)
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let none = ASCII.bytes("none")
}

/// An address as logs and bounces write it: `<u@example.com>`, `u@example.com`, `rfc822; u@example.com`.
enum MailAddress {
    /// The address in `range`, without angle brackets and blanks; nil when empty.
    static func read(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        var range = line.trimmingBlanks(range)
        if !range.isEmpty, line[range.lowerBound] == UInt8(ascii: "<") {
            let close = line.firstIndex(of: UInt8(ascii: ">"), in: range) ?? range.upperBound
            range = (range.lowerBound + 1)..<close
        }
        range = line.trimmingBlanks(range)
        return range.isEmpty ? nil : line.string(range)
    }

    /// Whether `range` holds one address and nothing else (`u@example.com`, `<u@example.com>`),
    /// as bounces list their recipients on lines of their own.
    static func isAlone(_ line: Span<UInt8>, _ range: Range<Int>) -> Bool {
        var range = line.trimmingBlanks(range)
        guard range.count >= 3, range.count <= 320 else { return false }
        if line[range.lowerBound] == UInt8(ascii: "<") {
            guard line[range.upperBound - 1] == UInt8(ascii: ">") else { return false }
            range = (range.lowerBound + 1)..<(range.upperBound - 1)
        }
        var at = -1
        for index in range {
            let byte = line[index]
            if byte == UInt8(ascii: "@") {
                guard at < 0 else { return false }
                at = index
            } else if byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "(")
                        || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
                        || byte == UInt8(ascii: ":") || byte == 0x7F {
                return false
            }
        }
        return at > range.lowerBound && at < range.upperBound - 1
    }
}
