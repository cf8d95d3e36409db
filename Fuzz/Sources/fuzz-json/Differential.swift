import Foundation
@testable import CatalogLoading
import SMTPCatalog

/// Where the project's reader and Foundation's `JSONSerialization` part ways on one input.
enum Disagreement {
    /// The reader's accept/reject decision is not what RFC 8259 (with its intended
    /// departures) says: a bug in the reader.
    case readerDecision(accepted: Bool)
    /// Both accepted, with different values at `path`: a bug in one of them.
    case value(path: String, ours: String, theirs: String)
    /// Foundation's decision differs from the RFC's: recorded, not a failure here.
    case foundationDecision(accepted: Bool)
}

enum Differential {
    /// The reader's intended departures from RFC 8259 (documented in docs/reliability.md).
    static let readerRules = StrictJSON.Rules(
        skipsByteOrderMark: true, allowsLoneSurrogates: true, allowsBrokenUTF8: true,
        maximumDepth: JSONParser.maximumDepth)
    static let strictRules = StrictJSON.Rules(skipsByteOrderMark: true)

    static func compare(_ bytes: [UInt8]) -> [Disagreement] {
        var found: [Disagreement] = []
        let ours = try? JSONParser.withParser(bytes) { try $0.parseDocument() }
        if (ours != nil) != StrictJSON.accepts(bytes, rules: readerRules) {
            found.append(.readerDecision(accepted: ours != nil))
        }
        let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        let strict = StrictJSON.accepts(bytes, rules: strictRules)
        if (theirs != nil) != strict {
            found.append(.foundationDecision(accepted: theirs != nil))
        }
        // Values are compared only where the RFC itself accepts: elsewhere one side's
        // leniency decides what it reads, and that is a decision difference, not a value one.
        if strict, let ours, let theirs, let difference = difference(ours, theirs, path: "$") {
            found.append(difference)
        }
        return found
    }

    /// The first place where the two trees differ, or nil when they agree.
    static func difference(_ ours: JSONValue, _ theirs: Any, path: String) -> Disagreement? {
        let mismatch = Disagreement.value(path: path, ours: "\(ours)", theirs: "\(theirs)")
        switch ours {
        case .null:
            return theirs is NSNull ? nil : mismatch
        case .bool(let flag):
            guard let number = theirs as? NSNumber, isBoolean(number) else { return mismatch }
            return number.boolValue == flag ? nil : mismatch
        case .number(let value):
            guard let number = theirs as? NSNumber, !isBoolean(number) else { return mismatch }
            return sameNumber(value, number) ? nil : mismatch
        case .string(let text):
            // Scalar by scalar: String's == treats canonically equivalent text as equal.
            guard let other = theirs as? String else { return mismatch }
            return text.unicodeScalars.elementsEqual(other.unicodeScalars) ? nil : mismatch
        case .array(let elements):
            guard let others = theirs as? [Any], others.count == elements.count else { return mismatch }
            for (offset, element) in elements.enumerated() {
                if let inner = difference(element, others[offset], path: "\(path)[\(offset)]") { return inner }
            }
            return nil
        case .object(let members):
            guard let others = theirs as? [String: Any], others.count == members.count else { return mismatch }
            for (key, member) in members {
                guard let other = others[key] else { return mismatch }
                if let inner = difference(member, other, path: "\(path).\(key.debugDescription)") { return inner }
            }
            return nil
        }
    }

    /// Foundation hands booleans back as NSNumber too; their encoding is a C `char`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// Integers and plain doubles must match exactly (both sides round correctly).
    /// Foundation keeps numbers beyond Int64/UInt64 precision as NSDecimalNumber, whose
    /// conversion to Double is not correctly rounded, so those get a relative tolerance.
    private static func sameNumber(_ value: Double, _ number: NSNumber) -> Bool {
        let other = number.doubleValue
        if value == other { return true }
        guard number is NSDecimalNumber else { return false }
        return abs(value - other) <= abs(value) * 1e-12
    }
}
