import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the catalog by code, words, synonyms or typos.",
        discussion: """
            Words are ANDed, case-insensitive unless a word has a capital letter;
            typos and the words people use ("over quota", "blacklisted") are understood.
            Codes and patterns: 553, 5.7.26, 55 (550-559), 55x, 5.7, 5.7.*, x.1.1.
            Operators as in fzf: 'exact  ^prefix  suffix$  !exclude  a | b

            Examples:
              smtp-codes search mailbox full
              smtp-codes search 'relay acess denied'
              smtp-codes search 5.7 dmarc --json
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print a JSON array: code, title, class, class_name, score, matches.") var json = false
    @Option(help: "Show at most this many results.") var limit: Int = 20
    @Argument(help: "The search words.") var words: [String]

    func validate() throws {
        if words.isEmpty { throw ValidationError("give something to search for, e.g. smtp-codes search mailbox full") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let context = try CommandContext(options)
        let index = SearchIndex(catalog: context.catalog, synonyms: context.synonyms)
        let query = SearchQuery(words.joined(separator: " "), synonyms: context.synonyms)
        let results = index.search(query).prefix(limit)
        guard !results.isEmpty else {
            // A pasted blob is echoed in part: the message is about the query, not a copy of it.
            let shown = TextWrapper.truncate(SafeText.visible(words.joined(separator: " ")), width: 60)
            Output.error(context.labels.format("ui.search.none", shown))
            throw ExitStatus.notFound
        }
        let highlighter = SearchHighlighter(query: query, index: index)
        if json {
            try context.output.json(results.map {
                SearchHitJSON($0, catalog: context.catalog, highlighter: highlighter, readClass: query.typedClass)
            })
            return
        }
        let output = context.output
        try context.output.write(results.map { result in
            let requested = query.typedClass.map { StatusCode.enhanced(classDigit: $0, subject: nil, detail: nil) }
            let resolved = ResolvedCode(entry: context.catalog.entries[result.entryIndex], requested: requested)
            let entry = resolved.entry
            let code = output.classColored(TextWrapper.pad(resolved.code, width: max(8, resolved.code.count + 2)), digit: resolved.classDigit)
            let title = output.useColor ? highlighted(entry.title, highlighter.ranges(in: entry.title), output) : SafeText.visible(entry.title)
            return code + TextWrapper.pad(resolved.classLabel, width: 7) + title + "  (\(resolved.className))"
        }.joined(separator: "\n"))
    }

    /// Underlines and brightens the matched parts of a title on a colour terminal.
    private func highlighted(_ text: String, _ ranges: [Range<Int>], _ output: Output) -> String {
        let characters = Array(SafeText.visible(text))
        var result = "", position = 0
        for range in ranges where range.lowerBound >= position && range.upperBound <= characters.count {
            result += String(characters[position..<range.lowerBound])
            result += output.style(String(characters[range]), "1;4;33")
            position = range.upperBound
        }
        return result + String(characters[position...])
    }
}
