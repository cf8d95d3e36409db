/// Entry fields phrased for people, shared by every view and command.
extension CatalogEntry {
    /// The commands the RFCs list, with ANY read as "any command" in the user's language.
    public func commandList(_ labels: LabelTable) -> String {
        commands.isEmpty ? labels["commands.none"] : Self.phrase(commands, labels)
    }

    /// The commands practice adds (`seen_after`), phrased the same way; nil when there are none.
    public func seenAfterList(_ labels: LabelTable) -> String? {
        seenAfter.isEmpty ? nil : Self.phrase(seenAfter, labels)
    }

    private static func phrase(_ commands: [String], _ labels: LabelTable) -> String {
        commands.map { $0 == "ANY" ? labels["any_command"] : $0 }.joined(by: ", ")
    }
}
