/// A key and how often it was seen (a recipient domain, a relay).
public struct KeyCount: Sendable, Equatable {
    public let key: String
    public let count: Int

    public init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}

/// The first reply a group saw: its codes and the server's words (control characters
/// made visible, line breaks kept).
public struct TriageExample: Sendable, Equatable {
    /// `550 5.1.1`, `421`, or empty for a diagnostic without codes.
    public let codes: String
    public let text: String
    /// Its class (2, 4, 5), for colour.
    public let classDigit: Int?

    public init(codes: String, text: String, classDigit: Int?) {
        self.codes = codes
        self.text = text
        self.classDigit = classDigit
    }
}

/// One group of a triage report, as read out: its counts and what it holds, its
/// subgroups sorted (largest first, "other" last).
public struct TriageGroup: Sendable, Equatable {
    public let level: TriageLevel
    /// The key (`recipient_unknown`, `Gmail / Google Workspace`, `550 5.1.1`, `example.com`);
    /// nil when the replies have none (no provider named, no code, no recipient known).
    public let key: String?
    /// How the key reads: a reason's title, else the key itself; nil with the key.
    public let title: String?
    /// The group that collects keys beyond the report's limits.
    public let isOther: Bool
    public let count: Int
    /// Permanent replies with a hard reason (docs/reasons.md); `soft` is every other.
    public let hard: Int
    public let soft: Int
    /// Replies of class 5 and of class 4, for the colour of a bar.
    public let permanent: Int
    public let transient: Int
    /// The earliest and latest time stamps (seconds since 1970, UTC) among its replies that had one.
    public let firstSeen: Int64?
    public let lastSeen: Int64?
    /// Recipient domains and relays, most frequent first; "other" counts the replies to keys
    /// not listed (beyond the report's limit, or beyond the few `overall(listing:)` asked for).
    public let domains: [KeyCount]
    public let otherDomains: Int
    public let relays: [KeyCount]
    public let otherRelays: Int
    public let example: TriageExample?
    /// What to do, in one or two sentences: the first reply's rule action, else its reason's.
    public let action: String?
    public let children: [TriageGroup]

    /// The class most of its replies have (5 when permanent replies are at least as many), for colour.
    public var dominantClass: Int? {
        if permanent == 0 && transient == 0 { return nil }
        return permanent >= transient ? 5 : 4
    }
}

/// Replies per hour, by outcome (one row of the timeline).
public struct TriageHour: Sendable, Equatable {
    /// The hour's start, in seconds since 1970 (UTC).
    public let start: Int64
    public var delivered = 0
    public var deferred = 0
    public var bounced = 0
    public var rejected = 0
    public var unknown = 0

    public init(start: Int64) {
        self.start = start
    }

    /// Failed for good: bounced after acceptance or rejected during the session.
    public var failed: Int { bounced + rejected }
}

/// What was read from one input: how many lines, how many could not be read as its format,
/// and what stopped it, if anything did.
public struct TriageInput: Sendable, Equatable {
    /// The path as given, or `-` for standard input.
    public let name: String
    /// The format it was read as (given or detected); nil when nothing was detected.
    public let format: InputFormat?
    public let lines: Int
    public let unparsableLines: Int
    /// Lines longer than the cut (16 KiB) whose rest was skipped.
    public let cutLines: Int
    /// Replies found in it.
    public let replies: Int
    /// What stopped the read early (a truncated gzip stream, an I/O error), in words.
    public let problem: String?

    public init(name: String, format: InputFormat?, lines: Int, unparsableLines: Int, cutLines: Int, replies: Int, problem: String?) {
        self.name = name
        self.format = format
        self.lines = lines
        self.unparsableLines = unparsableLines
        self.cutLines = cutLines
        self.replies = replies
        self.problem = problem
    }
}
