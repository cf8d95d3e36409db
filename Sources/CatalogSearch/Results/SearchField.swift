import SMTPCatalog
/// The parts of an entry a query can match, best-ranked first.
public enum SearchField: String, Sendable, Hashable, CaseIterable, Codable {
    case code, title, keywords, summary, description, when, fix

    /// How much a match in this field says about relevance.
    var weight: Int {
        switch self {
        case .code: 1000
        case .title: 300
        case .keywords: 200
        case .summary: 120
        case .description: 60
        case .when: 40
        case .fix: 30
        }
    }

    /// Bit position in a posting's field mask.
    var bit: Int {
        switch self {
        case .code: 0
        case .title: 1
        case .keywords: 2
        case .summary: 3
        case .description: 4
        case .when: 5
        case .fix: 6
        }
    }

    /// Fields searched by words; the code is matched by `CodePattern` instead.
    static let textFields: [SearchField] = [.title, .keywords, .summary, .description, .when, .fix]

    /// The best weight among the fields in a posting's mask.
    static func bestWeight(_ mask: UInt8) -> Int {
        bestWeights[Int(mask & 0x7F)]
    }

    /// `bestWeight` for every mask, worked out once: it runs for every posting a search touches.
    private static let bestWeights: [Int] = (0..<128).map { mask in
        textFields.filter { mask & (1 << $0.bit) != 0 }.map(\.weight).max() ?? 0
    }

    /// The field's text as UTF-8, without making Strings; keywords one by one.
    func forEachText(of entry: CatalogEntry, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let texts = entry.texts
        switch self {
        case .code:
            var code = entry.code
            code.withUTF8(body)
        case .title: entry.store.withBytes(texts.title) { $0.withUnsafeBufferPointer(body) }
        case .keywords: entry.store.forEachItem(texts.keywords) { $0.withUnsafeBufferPointer(body) }
        case .summary: entry.store.withBytes(texts.summary) { $0.withUnsafeBufferPointer(body) }
        case .description: entry.store.withBytes(texts.description) { $0.withUnsafeBufferPointer(body) }
        case .when: entry.store.withBytes(texts.when) { $0.withUnsafeBufferPointer(body) }
        case .fix: entry.store.withBytes(texts.fix) { $0.withUnsafeBufferPointer(body) }
        }
    }

    func text(of entry: CatalogEntry) -> String {
        switch self {
        case .code: entry.code
        case .title: entry.title
        case .keywords: entry.keywords.joined(separator: ", ")
        case .summary: entry.summary
        case .description: entry.description
        case .when: entry.when
        case .fix: entry.fix
        }
    }
}
