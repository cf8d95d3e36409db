import SMTPCatalog

/// What an entry shows, in order, written once for every place that shows it:
/// the explorer's detail pane and comparison, `show` and `compare`.
public enum EntrySections {
    /// The parts a comparison sets side by side, in order. `seenAfter` is the one that may be
    /// missing: it is shown when either side has it.
    public static let compared: [DocumentSection.Kind] = [.description, .when, .fix, .commands, .seenAfter, .references]

    /// `knowledge` lists the provider replies and reasons that use a code (`Catalog.knowledge(using:)`).
    public static func sections(of entry: CatalogEntry, labels: LabelTable, knowledge: [String] = []) -> [DocumentSection] {
        func section(_ kind: DocumentSection.Kind, _ key: String, _ text: String,
                     role: DocumentLine.Role = .body, links: [String] = []) -> DocumentSection {
            DocumentSection(kind: kind, heading: labels[key], text: text, role: role, links: links)
        }
        var result = [
            section(.description, "section.description", entry.description),
            section(.when, "section.when", entry.when),
            section(.fix, "section.fix", entry.fix),
        ]
        if let caveat = entry.caveat { result.append(section(.caveat, "section.caveat", caveat, role: .caveat)) }
        // Provider replies and reasons have no commands or RFCs of their own: their codes' entries do.
        if entry.kind.isCode {
            result.append(section(.commands, "section.commands", entry.commandList(labels)))
            if let seenAfter = entry.seenAfterList(labels) { result.append(section(.seenAfter, "section.seen_after", seenAfter)) }
            result.append(section(.references, "section.references", entry.rfcs.map(\.description).joined(by: ", "),
                                  links: entry.rfcs.map { "\($0)  \($0.url)" }))
        }
        if !entry.related.isEmpty { result.append(section(.related, "section.related", entry.related.joined(by: ", "))) }
        if !knowledge.isEmpty { result.append(section(.knowledge, "section.variants", knowledge.joined(by: ", "))) }
        result.append(section(.keywords, "section.keywords", entry.keywords.joined(by: ", ")))
        return result
    }

    /// Where the entry comes from, when a catalog of the user's own added or changed it:
    /// one line per such catalog, in the order they were applied ("From
    /// ~/.config/smtp-codes/catalog/team.json", "Changed by team.json: fix, keywords").
    /// Shown under the class line by `show` and the detail pane; none for a bundled entry.
    public static func sourceLines(of entry: CatalogEntry, labels: LabelTable) -> [String] {
        entry.overlays.map { overlay in
            overlay.added ? labels.format("entry.source.added", overlay.file)
                : labels.format("entry.source.changed", overlay.file, overlay.fields.map(\.name).joined(by: ", "))
        }
    }

    /// One section of `entry`, for a presentation that picks parts by kind.
    public static func section(_ kind: DocumentSection.Kind, of entry: CatalogEntry, labels: LabelTable) -> DocumentSection? {
        sections(of: entry, labels: labels).first { $0.kind == kind }
    }
}
