/// The header fields of a message or a MIME part that the mail reader needs, unfolded
/// (RFC 5322 §2.2.3: a line starting with a blank continues the field before it).
/// Other fields are passed over without being kept. A block over `maximumBytes` keeps
/// what came before; the lines beyond are counted in `droppedLines`.
struct MailHeaders {
    static let maximumBytes = 65_536

    enum Field: Int, CaseIterable {
        case contentType, contentTransferEncoding, date, subject, failedRecipients, from
    }

    private static let names: [[UInt8]] = ["content-type:", "content-transfer-encoding:", "date:", "subject:",
                                           "x-failed-recipients:", "from:"].map(ASCII.bytes)

    private var values: [[UInt8]?] = Array(repeating: nil, count: Field.allCases.count)
    private var current: Field?
    private var bytes = 0
    private(set) var droppedLines = 0

    subscript(field: Field) -> [UInt8]? { values[field.rawValue] }

    /// One line of the block (not the blank line that ends it).
    mutating func add(_ line: Span<UInt8>) {
        bytes += line.count
        guard bytes <= Self.maximumBytes else {
            droppedLines += 1
            return
        }
        guard line.count > 0 else { return }
        if ASCII.isBlank(line[0]) {
            // A continuation: unfolded into one space.
            guard let current else { return }
            let text = line.trimmingBlanks(0..<line.count)
            if !text.isEmpty, values[current.rawValue]!.count < ReplyParser.maximumLineBytes {
                values[current.rawValue]!.append(0x20)
                values[current.rawValue]!.append(line, text)
            }
            return
        }
        current = nil
        for (index, name) in Self.names.enumerated() where line.hasIgnoringCase(name, at: 0) {
            // The first of a repeated field counts (a bounce's own Date, not a quoted one).
            guard values[index] == nil else { return }
            current = Field(rawValue: index)
            values[index] = line.bytes(line.trimmingBlanks(name.count..<line.count))
            return
        }
    }
}

/// A `Content-Type` value: the media type (lower case) and the parameters the reader uses.
struct ContentType {
    var mediaType: String
    var boundary: [UInt8]?

    var isMultipart: Bool { mediaType.hasPrefix("multipart/") }
    var isDeliveryStatus: Bool {
        mediaType == "message/delivery-status" || mediaType == "message/global-delivery-status" || mediaType == "text/delivery-status"
    }
    var isPlainText: Bool { mediaType == "text/plain" }

    static let plainText = ContentType(mediaType: "text/plain", boundary: nil)

    private static let boundaryName = ASCII.bytes("boundary")

    /// Reads `type/subtype; name=value; name="quoted value"`; nil when no type is there.
    init?(_ value: Span<UInt8>) {
        let count = value.count
        let typeEnd = value.firstIndex(of: UInt8(ascii: ";"), in: 0..<count) ?? count
        let type = value.trimmingBlanks(0..<typeEnd)
        guard !type.isEmpty, value.firstIndex(of: UInt8(ascii: "/"), in: type) != nil else { return nil }
        var lowered = value.bytes(type)
        for index in lowered.indices { lowered[index] = ASCII.lowered(lowered[index]) }
        mediaType = String(decoding: lowered, as: UTF8.self)
        boundary = nil
        var cursor = typeEnd
        while cursor < count {
            let nameStart = value.skippingBlanks(from: cursor + 1, to: count)
            guard let equals = value.firstIndex(of: UInt8(ascii: "="), in: nameStart..<count) else { break }
            let name = value.trimmingBlanks(nameStart..<equals)
            var valueStart = value.skippingBlanks(from: equals + 1, to: count)
            var valueEnd: Int
            if valueStart < count, value[valueStart] == UInt8(ascii: "\"") {
                valueStart += 1
                valueEnd = valueStart
                while valueEnd < count, value[valueEnd] != UInt8(ascii: "\"") {
                    if value[valueEnd] == UInt8(ascii: "\\") { valueEnd += 1 }
                    valueEnd += 1
                }
                valueEnd = min(valueEnd, count)
                cursor = value.firstIndex(of: UInt8(ascii: ";"), in: min(count, valueEnd + 1)..<count) ?? count
            } else {
                valueEnd = value.firstIndex(of: UInt8(ascii: ";"), in: valueStart..<count) ?? count
                cursor = valueEnd
                valueEnd = value.trimmingBlanks(valueStart..<valueEnd).upperBound
            }
            if name.count == Self.boundaryName.count, value.hasIgnoringCase(Self.boundaryName, at: name.lowerBound),
               valueEnd > valueStart {
                boundary = value.bytes(valueStart..<valueEnd)
            }
        }
    }

    init(mediaType: String, boundary: [UInt8]?) {
        self.mediaType = mediaType
        self.boundary = boundary
    }
}
