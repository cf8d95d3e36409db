/// Seconds since 1970 written as UTC dates, without Foundation's formatters (a triage
/// report may write one per reply): RFC 3339 for JSON, a shorter form for people.
public enum UTCTime {
    /// The civil date and time of `seconds` (proleptic Gregorian calendar, any year).
    static func parts(_ seconds: Int64) -> (year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let (days, rest) = floorDivision(seconds, 86_400)
        // Howard Hinnant's days-to-civil algorithm.
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, Int(rest / 3_600), Int(rest % 3_600 / 60), Int(rest % 60))
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func year(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `2024-05-01T03:12:09Z`.
    public static func rfc3339(_ seconds: Int64) -> String {
        let t = parts(seconds)
        guard (0...9_999).contains(t.year) else {
            return "\(year(t.year))-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
        }
        // Four-digit years, nearly every one: bytes put in place, without string
        // interpolation (`--ndjson` writes one per reply).
        return String(unsafeUninitializedCapacity: 20) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func two(_ value: Int) {
                put(0x30 + UInt8(value / 10))
                put(0x30 + UInt8(value % 10))
            }
            two(Int(t.year) / 100); two(Int(t.year) % 100); put(UInt8(ascii: "-"))
            two(t.month); put(UInt8(ascii: "-")); two(t.day); put(UInt8(ascii: "T"))
            two(t.hour); put(UInt8(ascii: ":")); two(t.minute); put(UInt8(ascii: ":")); two(t.second); put(UInt8(ascii: "Z"))
            return count
        }
    }

    /// `2024-05-01 03:12`, for reading.
    public static func minute(_ seconds: Int64) -> String {
        let t = parts(seconds)
        return "\(year(t.year))-\(two(t.month))-\(two(t.day)) \(two(t.hour)):\(two(t.minute))"
    }
}
