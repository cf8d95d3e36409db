/// Dates as the formats write them, read from bytes into seconds since 1970 (UTC):
/// syslog's `Mar  5 10:12:33` (no year, no zone), RFC 3339 (`2024-03-05T10:12:33.123456+00:00`),
/// Exim's `2024-03-05 10:12:34` and RFC 5322's `Tue, 5 Mar 2024 10:12:33 +0100`.
///
/// A time written without a zone is taken as UTC; a syslog time without a year is given
/// the reference year (the year now), or the year before when that would put it more
/// than a day in the future (a December log read in January). docs/formats.md says so.
enum Timestamps {
    /// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        // Howard Hinnant's days_from_civil.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year (UTC) of a moment.
    static func year(of seconds: Int64) -> Int {
        let z = (seconds >= 0 ? seconds : seconds - 86_399) / 86_400 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    }

    static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), (1...9999).contains(year) else { return nil }
        return days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The month (1–12) whose English abbreviation stands at `index`, any case.
    static func month(_ line: Span<UInt8>, _ index: Int) -> Int? {
        guard index + 3 <= line.count else { return nil }
        // The three letters, lowered, as one number: no table to walk on every line.
        let key = UInt32(ASCII.lowered(line[index])) << 16 | UInt32(ASCII.lowered(line[index + 1])) << 8
            | UInt32(ASCII.lowered(line[index + 2]))
        switch key {
        case 0x6A616E: return 1   // jan
        case 0x666562: return 2   // feb
        case 0x6D6172: return 3   // mar
        case 0x617072: return 4   // apr
        case 0x6D6179: return 5   // may
        case 0x6A756E: return 6   // jun
        case 0x6A756C: return 7   // jul
        case 0x617567: return 8   // aug
        case 0x736570: return 9   // sep
        case 0x6F6374: return 10  // oct
        case 0x6E6F76: return 11  // nov
        case 0x646563: return 12  // dec
        default: return nil
        }
    }

    /// A syslog time at `index` (`Mar  5 10:12:33`, `Mar 05 10:12:33`, fractions of a second
    /// allowed): the month, day and seconds into the day, and where it ends.
    static func syslog(_ line: Span<UInt8>, at index: Int) -> (month: Int, day: Int, secondOfDay: Int, end: Int)? {
        guard let month = month(line, index), index + 3 < line.count, line[index + 3] == 0x20 else { return nil }
        if let usual = usualSyslog(line, index, month: month) { return usual }
        var cursor = index + 4
        if cursor < line.count, line[cursor] == 0x20 { cursor += 1 }
        let dayDigits = line.digitRun(from: cursor, to: line.count)
        guard (1...2).contains(dayDigits), let day = line.number(cursor..<(cursor + dayDigits)) else { return nil }
        cursor += dayDigits
        guard cursor < line.count, line[cursor] == 0x20, let time = clock(line, cursor + 1) else { return nil }
        return (month, day, time.secondOfDay, time.end)
    }

    /// The layout nearly every syslog line has, `Mmm dd hh:mm:ss ` (the day padded with a space
    /// or a zero, no fraction), read from fixed places: every line of a log starts with one, so
    /// this skips the general path's searches. Nil sends the line down the general path.
    private static func usualSyslog(_ line: Span<UInt8>, _ index: Int, month: Int) -> (month: Int, day: Int, secondOfDay: Int, end: Int)? {
        guard index + 16 <= line.count else { return nil }
        return line.withUnsafeBufferPointer { bytes -> (month: Int, day: Int, secondOfDay: Int, end: Int)? in
            let b = UnsafeBufferPointer(rebasing: bytes[index..<(index + 16)])
            guard b[6] == 0x20, b[9] == UInt8(ascii: ":"), b[12] == UInt8(ascii: ":"), b[15] == 0x20 else { return nil }
            func digit(_ offset: Int) -> Int? { ASCII.isDigit(b[offset]) ? Int(b[offset] &- 0x30) : nil }
            let tens = b[4] == 0x20 ? 0 : digit(4)
            guard let tens, let units = digit(5), let h1 = digit(7), let h2 = digit(8), let m1 = digit(10), let m2 = digit(11),
                  let s1 = digit(13), let s2 = digit(14) else { return nil }
            let day = tens * 10 + units, hour = h1 * 10 + h2, minute = m1 * 10 + m2, second = s1 * 10 + s2
            guard day >= 1, hour < 24, minute < 60, second <= 60 else { return nil }
            return (month, day, hour * 3600 + minute * 60 + second, index + 15)
        }
    }

    /// `hh:mm:ss` at `index`, with an optional fraction (`.123456`).
    static func clock(_ line: Span<UInt8>, _ index: Int) -> (secondOfDay: Int, end: Int)? {
        guard index + 8 <= line.count, line[index + 2] == UInt8(ascii: ":"), line[index + 5] == UInt8(ascii: ":"),
              let hour = line.number(index..<(index + 2)), let minute = line.number((index + 3)..<(index + 5)),
              let second = line.number((index + 6)..<(index + 8)), hour < 24, minute < 60, second <= 60 else { return nil }
        var end = index + 8
        if end < line.count, line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ",") {
            let digits = line.digitRun(from: end + 1, to: line.count)
            if digits > 0 { end += 1 + digits }
        }
        return (hour * 3600 + minute * 60 + second, end)
    }

    /// The seconds of a syslog time, given the reference moment whose year it is assumed to fall in.
    static func syslogSeconds(month: Int, day: Int, secondOfDay: Int, reference: Int64) -> Int64? {
        let year = year(of: reference)
        guard var result = seconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0) else { return nil }
        result += Int64(secondOfDay)
        if result > reference + 86_400, let earlier = seconds(year: year - 1, month: month, day: day, hour: 0, minute: 0, second: 0) {
            result = earlier + Int64(secondOfDay)
        }
        return result
    }

    /// `YYYY-MM-DD` then `T` or a space, then `hh:mm:ss` (fraction allowed), then an optional
    /// zone (`Z`, `+hh:mm`, `+hhmm`, directly or after one space when `spacedZone`).
    static func iso(_ line: Span<UInt8>, at index: Int, spacedZone: Bool = false) -> (seconds: Int64, end: Int)? {
        guard index + 19 <= line.count, line[index + 4] == UInt8(ascii: "-"), line[index + 7] == UInt8(ascii: "-"),
              let year = line.number(index..<(index + 4)), let month = line.number((index + 5)..<(index + 7)),
              let day = line.number((index + 8)..<(index + 10)),
              line[index + 10] == UInt8(ascii: "T") || line[index + 10] == 0x20,
              let time = clock(line, index + 11),
              let base = seconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0) else { return nil }
        var result = base + Int64(time.secondOfDay)
        var end = time.end
        if end < line.count, line[end] == UInt8(ascii: "Z") || line[end] == UInt8(ascii: "z") {
            end += 1
        } else if let zone = zoneOffset(line, end) {
            result -= Int64(zone.seconds)
            end = zone.end
        } else if spacedZone, end + 1 < line.count, line[end] == 0x20, let zone = zoneOffset(line, end + 1) {
            result -= Int64(zone.seconds)
            end = zone.end
        }
        return (result, end)
    }

    /// `+hh:mm` or `+hhmm` (or `-`) at `index`: seconds east of UTC.
    static func zoneOffset(_ line: Span<UInt8>, _ index: Int) -> (seconds: Int, end: Int)? {
        guard index + 5 <= line.count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-"),
              let hours = line.number((index + 1)..<(index + 3)) else { return nil }
        var cursor = index + 3
        if line[cursor] == UInt8(ascii: ":") { cursor += 1 }
        guard cursor + 2 <= line.count, let minutes = line.number(cursor..<(cursor + 2)), hours < 24, minutes < 60 else { return nil }
        if cursor + 2 < line.count, ASCII.isDigit(line[cursor + 2]) { return nil }
        let value = hours * 3600 + minutes * 60
        return (line[index] == UInt8(ascii: "-") ? -value : value, cursor + 2)
    }

    private static let zoneNames = ASCII.table([
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ])

    /// An RFC 5322 date (`Tue, 5 Mar 2024 10:12:33 +0100 (CET)`; the day of the week, the
    /// seconds and the zone may be missing, two-digit years are read as RFC 5322 §4.3 says,
    /// named zones of §4.3 are known, other names count as UTC).
    static func rfc5322(_ text: Span<UInt8>, _ range: Range<Int>) -> Int64? {
        var cursor = text.skippingBlanks(from: range.lowerBound, to: range.upperBound)
        let end = range.upperBound
        // The day of the week, if any.
        if cursor < end, ASCII.isLetter(text[cursor]) {
            guard let comma = text.firstIndex(of: UInt8(ascii: ","), in: cursor..<min(end, cursor + 12)) else { return nil }
            cursor = text.skippingBlanks(from: comma + 1, to: end)
        }
        let dayDigits = text.digitRun(from: cursor, to: end)
        guard (1...2).contains(dayDigits), let day = text.number(cursor..<(cursor + dayDigits)) else { return nil }
        cursor = text.skippingBlanks(from: cursor + dayDigits, to: end)
        guard cursor + 3 <= end, let month = month(text, cursor) else { return nil }
        cursor = text.skippingBlanks(from: cursor + 3, to: end)
        let yearDigits = text.digitRun(from: cursor, to: end)
        guard (2...4).contains(yearDigits), var year = text.number(cursor..<(cursor + yearDigits)) else { return nil }
        if yearDigits == 2 { year += year < 50 ? 2000 : 1900 } else if yearDigits == 3 { year += 1900 }
        cursor = text.skippingBlanks(from: cursor + yearDigits, to: end)
        // hh:mm[:ss]
        guard cursor + 5 <= end, text[cursor + 2] == UInt8(ascii: ":"), let hour = text.number(cursor..<(cursor + 2)),
              let minute = text.number((cursor + 3)..<(cursor + 5)) else { return nil }
        cursor += 5
        var second = 0
        if cursor + 3 <= end, text[cursor] == UInt8(ascii: ":"), let value = text.number((cursor + 1)..<(cursor + 3)) {
            second = value
            cursor += 3
        }
        guard var result = seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        cursor = text.skippingBlanks(from: cursor, to: end)
        if cursor < end, text[cursor] == UInt8(ascii: "+") || text[cursor] == UInt8(ascii: "-") {
            if cursor + 5 <= end, let hours = text.number((cursor + 1)..<(cursor + 3)), let minutes = text.number((cursor + 3)..<(cursor + 5)) {
                let offset = Int64(hours * 3600 + minutes * 60)
                result += text[cursor] == UInt8(ascii: "+") ? -offset : offset
            }
        } else if cursor < end, ASCII.isLetter(text[cursor]) {
            let word = text.endOfWord(from: cursor, to: end)
            for zone in zoneNames where zone.bytes.count == word - cursor && text.hasIgnoringCase(zone.bytes, at: cursor) {
                result -= Int64(zone.value * 3600)
                break
            }
        }
        return result
    }
}
