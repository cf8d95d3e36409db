/// The meaning of a code's first digit, which is what decides whether a
/// sender should retry, stop, or go on.
public enum ReplyClass {
    /// RFC 5321 §4.2.1 names for the first digit of a basic reply code.
    public static func basicName(_ digit: Int) -> String? {
        switch digit {
        case 2: "Positive Completion"
        case 3: "Positive Intermediate"
        case 4: "Transient Negative Completion"
        case 5: "Permanent Negative Completion"
        default: nil
        }
    }

    /// RFC 3463 §3.1 names for the class digit of an enhanced status code.
    public static func enhancedName(_ digit: Int) -> String? {
        switch digit {
        case 2: "Success"
        case 4: "Persistent Transient Failure"
        case 5: "Permanent Failure"
        default: nil
        }
    }

    /// The class name stored for enhanced entries whose class digit is `X`.
    public static let anyClassName = "Any class"
}
