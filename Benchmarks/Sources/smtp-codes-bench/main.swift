import ExplorerUI
import Foundation
import CatalogLoading
import CatalogSearch
import SMTPCatalog
import SyntheticCatalog
import TerminalScreen

/// smtp-codes-bench: load time, peak memory, search and per-keystroke latency at several
/// catalog sizes, and the same queries through fzf --filter. Each size runs in its own
/// process so peak memory is that size's alone.
let queries: [(kind: String, text: String)] = [
    ("one word", "mailbox"), ("one word", "relay"), ("one word", "authentication"), ("one word", "spam"),
    ("two words", "mailbox full"), ("two words", "relay denied"), ("two words", "user unknown"),
    ("typo", "mailbx"), ("typo", "authentcation"), ("typo", "relya acess"),
    ("code prefix", "55"), ("code prefix", "5.7"), ("code prefix", "x.1"),
]

let arguments = CommandLine.arguments
let resources = ResourceLocator().resourcesFolder() ?? URL(fileURLWithPath: "../Resources")
let bundled = try CatalogLoader.load(from: resources.appendingPathComponent("catalog"))
let synonymsURL = resources.appendingPathComponent("search/synonyms.json")

if arguments.count >= 4, arguments[1] == "--child" {
    try runChild(size: Int(arguments[2]) ?? 0, path: arguments[3])
    exit(0)
}

let labelledSet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "../../../Tests/ReplyExplainerTests/Fixtures/labelled-replies.jsonl").standardizedFileURL
if arguments.contains("--events-only") {
    EventScanning.report()
    exit(0)
}
if arguments.contains("--classify-only") {
    try ClassifierComparison(resources: resources, labelled: labelledSet).report()
    exit(0)
}

/// The reply lines the generated logs and bounces carry: the bundled rules' examples.
func ruleExampleReplies() throws -> [String] {
    try ReasonBookLoader.load(resources: resources).rules.map(\.example).filter { example in
        let bytes = Array(example.utf8.prefix(4))
        return bytes.count == 4 && (0x34...0x35).contains(bytes[0]) && bytes[1...2].allSatisfy { (0x30...0x39).contains($0) } && bytes[3] == 0x20
    }
}

if arguments.contains("--triage-only") {
    let binary = ProcessInfo.processInfo.environment["SMTP_CODES_BIN"] ?? "../.build/release/smtp-codes"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-bench")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try TriageComparison(smtpCodes: binary, replies: try ruleExampleReplies(), folder: folder).report()
    exit(0)
}

var sizes = [150, 10_000, 100_000]
if let index = arguments.firstIndex(of: "--sizes"), index + 1 < arguments.count {
    sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-bench")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
print("# smtp-codes benchmark\n")
print("Machine: \(ProcessInfo.processInfo.processorCount) cores; \(Date())\n")
var rows: [String] = []
for size in sizes {
    let path: String
    if size <= bundled.entries.count {
        path = resources.appendingPathComponent("catalog").path
    } else {
        let file = folder.appendingPathComponent("synthetic-\(size).json")
        if !FileManager.default.fileExists(atPath: file.path) {
            try SyntheticCatalog(count: size, source: bundled).write(to: file)
        }
        path = file.path
    }
    let child = Process()
    child.executableURL = URL(fileURLWithPath: ResourceLocator.currentExecutable()!)
    child.arguments = ["--child", String(size), path]
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    print(output)
    try FzfComparison(path: path, catalogSize: size).report()
}

/// Measures one catalog size inside this process and prints a Markdown section.
func runChild(size: Int, path: String) throws {
    let url = URL(fileURLWithPath: path)
    var catalog: Catalog?
    let load = try Measure.seconds { catalog = try CatalogLoader.load(from: url) }
    let synonyms = try SynonymTable.load(from: synonymsURL)
    var index: SearchIndex?
    // `prepare()`: the index is otherwise built on first use, which would land in the first search.
    let build = Measure.seconds {
        index = SearchIndex(catalog: catalog!, synonyms: synonyms)
        index!.prepare()
    }
    let searchIndex = index!
    print("## \(catalog!.entries.count) entries\n")
    print("- load and validate: \(Measure.milliseconds(load))")
    print("- build search index: \(Measure.milliseconds(build))")

    print("\n| query | kind | results | median | p99 |\n|---|---|---|---|---|")
    var allSearches: [Double] = []
    for (kind, text) in queries {
        var times: [Double] = []
        var count = 0
        let repeats = catalog!.entries.count > 50_000 ? 5 : 30
        for _ in 0..<repeats {
            times.append(Measure.seconds { count = searchIndex.search(text).count })
        }
        allSearches += times
        print("| `\(text)` | \(kind) | \(count) | \(Measure.milliseconds(Measure.percentile(times, 0.5))) | \(Measure.milliseconds(Measure.percentile(times, 0.99))) |")
    }
    print("\nAll searches: median \(Measure.milliseconds(Measure.percentile(allSearches, 0.5))), p99 \(Measure.milliseconds(Measure.percentile(allSearches, 0.99)))")

    // Typing in the explorer: each key edits the query, searches and draws an 120x40 screen.
    let labels = try LabelTable.load(.english, resources: resources)
    var keystrokes: [Double] = []
    var typed: [String] = []
    for (_, text) in queries {
        var state = update(AppState(index: searchIndex, labels: labels, size: Size(width: 120, height: 40)), .startSearch).state
        for character in text {
            typed.append(state.query + String(character))
            keystrokes.append(Measure.seconds {
                state = update(state, .searchInsert(character)).state
                state = update(state, .refreshSearch).state
                _ = ExplorerView(state: state, theme: Theme(usesColor: true)).render()
            })
        }
    }
    print("\nPer keystroke in the explorer (edit + search + draw 120x40), \(keystrokes.count) keys: median \(Measure.milliseconds(Measure.percentile(keystrokes, 0.5))), p99 \(Measure.milliseconds(Measure.percentile(keystrokes, 0.99))), max \(Measure.milliseconds(keystrokes.max() ?? 0))")
    let slowest = keystrokes.indices.sorted { keystrokes[$0] > keystrokes[$1] }.prefix(3)
    print("Slowest keys (query after the key): " + slowest.map { "`\(typed[$0])` \(Measure.milliseconds(keystrokes[$0]))" }.joined(separator: ", "))
    print("\nPeak memory (VmHWM, whole process): \(String(format: "%.1f", Measure.peakMemoryMiB())) MiB\n")
}
try ClassifierComparison(resources: resources, labelled: labelledSet).report()
if let binary = ProcessInfo.processInfo.environment["SMTP_CODES_BIN"] {
    try TriageComparison(smtpCodes: binary, replies: try ruleExampleReplies(), folder: folder).report()
}
