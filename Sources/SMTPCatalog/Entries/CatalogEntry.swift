/// One code of the catalog, as written in the bundled JSON.
///
/// Enhanced detail codes are stored once with an `X` class digit (`X.1.1`)
/// because the registry defines them for every class; `ResolvedCode` gives
/// them a concrete class when the user asks for `5.1.1` or `4.1.1`.
///
/// The texts live in the catalog's shared `TextStore`; the properties make
/// Strings on demand, which only the rows being shown and the commands' output do.
public struct CatalogEntry: Sendable, Hashable {
    /// The stored code (`553`, `X.1.1`); short enough to be kept inline.
    public let code: String
    public let kind: CodeKind
    /// The class digit, or nil for enhanced entries written with `X`.
    public let classDigit: Int?
    public let standing: Standing
    package let store: TextStore
    package let texts: EntryTextSpans
    /// The user's catalogs that added this entry or changed its fields, in the order they
    /// were applied; empty for an entry as the bundled catalog (or, with `--no-bundled`,
    /// the first catalog given) has it. Where an entry comes from is not part of `==`.
    public let overlays: [EntryOverlay]

    package init(
        code: String, kind: CodeKind, classDigit: Int?, standing: Standing, store: TextStore, texts: EntryTextSpans,
        overlays: [EntryOverlay] = []
    ) {
        self.code = code
        self.kind = kind
        self.classDigit = classDigit
        self.standing = standing
        self.store = store
        self.texts = texts
        self.overlays = overlays
    }

    /// An entry with its own store, for tests and tools that build entries by hand.
    public init(
        code: String, kind: CodeKind, classDigit: Int?, className: String, title: String,
        summary: String, description: String, when: String, fix: String, commands: [String],
        seenAfter: [String] = [], rfcs: [RFCReference], related: [String], keywords: [String], standing: Standing,
        caveat: String? = nil
    ) {
        var builder = TextStoreBuilder()
        func list(_ items: [String]) -> ListSpan {
            let spans = items.map { builder.append($0.utf8) }
            return builder.appendList(spans)
        }
        let texts = EntryTextSpans(
            className: builder.append(className.utf8), title: builder.append(title.utf8),
            summary: builder.append(summary.utf8), description: builder.append(description.utf8),
            when: builder.append(when.utf8), fix: builder.append(fix.utf8),
            caveat: caveat.map { builder.append($0.utf8) },
            commands: list(commands), seenAfter: list(seenAfter), rfcs: list(rfcs.map(\.description)),
            related: list(related), keywords: list(keywords))
        self.init(code: code, kind: kind, classDigit: classDigit, standing: standing,
                  store: TextStore(builder), texts: texts)
    }

    public var className: String { store.string(texts.className) }
    public var title: String { store.string(texts.title) }
    public var summary: String { store.string(texts.summary) }
    public var description: String { store.string(texts.description) }
    public var when: String { store.string(texts.when) }
    public var fix: String { store.string(texts.fix) }
    /// The commands an RFC lists this code as a reply to (RFC 5321 §4.3.2 for the basic codes,
    /// the extension's RFC for its own codes); `ANY` when any command may get it.
    public var commands: [String] { store.strings(of: texts.commands) }
    /// Commands servers are seen to answer with this code although no RFC lists it there;
    /// empty for most entries (docs/decisions.md, "Commands: the RFCs' and practice's").
    public var seenAfter: [String] { store.strings(of: texts.seenAfter) }
    /// Checked when the catalog was loaded, so every item parses.
    public var rfcs: [RFCReference] { store.strings(of: texts.rfcs).compactMap(RFCReference.init(parsing:)) }
    public var related: [String] { store.strings(of: texts.related) }
    public var keywords: [String] { store.strings(of: texts.keywords) }
    /// A caution: what a non-standard code usually means, or where practice differs from the RFCs.
    public var caveat: String? { texts.caveat.map(store.string) }

    /// Equal when every field reads the same, wherever the texts are stored.
    public static func == (left: CatalogEntry, right: CatalogEntry) -> Bool {
        guard left.code == right.code, left.kind == right.kind, left.classDigit == right.classDigit,
              left.standing == right.standing
        else { return false }
        if left.store === right.store, left.texts == right.texts { return true }
        return left.className == right.className && left.title == right.title && left.summary == right.summary
            && left.description == right.description && left.when == right.when && left.fix == right.fix
            && left.commands == right.commands && left.seenAfter == right.seenAfter && left.rfcs == right.rfcs
            && left.related == right.related && left.keywords == right.keywords && left.caveat == right.caveat
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(title)
    }
}
