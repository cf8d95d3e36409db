/// Entry fields phrased for people, shared by every view and command.
extension CatalogEntry {
    /// The commands as a list, with ANY read as "any command" in the user's language.
    public func commandList(_ labels: LabelTable) -> String {
        commands.isEmpty ? labels["compare.none"]
            : commands.map { $0 == "ANY" ? labels["any_command"] : $0 }.joined(separator: ", ")
    }
}
