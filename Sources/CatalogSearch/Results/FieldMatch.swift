import SMTPCatalog

/// Where a query matched inside one field, as character offsets into the field's text.
public struct FieldMatch: Sendable, Hashable {
    public let field: SearchField
    /// In characters (grapheme clusters) of the field's text, as the screen counts them.
    public let ranges: [Range<Int>]

    /// The same ranges in Unicode scalars (code points) of `entry`'s text for this field,
    /// the unit JSON readers slice by (Python's str, Rust's chars, jq's `.[a:b]`).
    public func scalarRanges(in entry: CatalogEntry) -> [Range<Int>] {
        var scalarsBefore = [0]
        for character in field.text(of: entry) { scalarsBefore.append(scalarsBefore.last! + character.unicodeScalars.count) }
        return ranges.compactMap { range in
            range.upperBound < scalarsBefore.count ? scalarsBefore[range.lowerBound]..<scalarsBefore[range.upperBound] : nil
        }
    }
}
