/// Where an entry's texts lie in its store.
package struct EntryTextSpans: Sendable, Hashable {
    package let className: TextSpan
    package let title: TextSpan
    package let summary: TextSpan
    package let description: TextSpan
    package let when: TextSpan
    package let fix: TextSpan
    package let caveat: TextSpan?
    package let commands: ListSpan
    /// Commands servers are seen to answer with the code although no RFC lists them (empty when none).
    package let seenAfter: ListSpan
    package let rfcs: ListSpan
    package let related: ListSpan
    package let keywords: ListSpan

    package init(
        className: TextSpan, title: TextSpan, summary: TextSpan, description: TextSpan, when: TextSpan, fix: TextSpan,
        caveat: TextSpan?, commands: ListSpan, seenAfter: ListSpan, rfcs: ListSpan, related: ListSpan,
        keywords: ListSpan
    ) {
        self.className = className
        self.title = title
        self.summary = summary
        self.description = description
        self.when = when
        self.fix = fix
        self.caveat = caveat
        self.commands = commands
        self.seenAfter = seenAfter
        self.rfcs = rfcs
        self.related = related
        self.keywords = keywords
    }
}
