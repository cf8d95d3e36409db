import ExplorerUI
import Foundation
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// The key table is the one source for the keymap and the help screen: these tests read
/// the help screen as a person sees it and hold it against the table, both ways.
@Suite struct KeyTableTests {
    /// A help row as drawn: its key column split into key names, and its text.
    struct HelpLine {
        let keys: [String]
        let text: String
    }

    @Test(arguments: [Language.english, .indonesian], [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func everyBindingAppearsInHelpAndEveryHelpRowMapsToBindings(language: Language, size: Size) throws {
        let labels = try BundledCatalog.labels(language)
        let lines = try helpLines(language: language, size: size)
        let byLabel = Dictionary(grouping: KeyTable.bindings, by: \.help)
        var shown: Set<String> = []
        for line in lines {
            if line.text == labels["ui.help.mouse"] {
                #expect(line.keys == [labels["ui.help.mouse.key"]])
                continue
            }
            // The row's text is a binding's label, shown whole; its keys are exactly that label's keys.
            let label = try #require(byLabel.keys.first { labels[$0] == line.text }, "help row '\(line.text)' belongs to no binding")
            #expect(shown.insert(label).inserted, "two help rows for \(label)")
            let bound = Set(byLabel[label, default: []].flatMap(\.keys).map(\.helpName))
            #expect(Set(line.keys) == bound, "\(label): help shows \(line.keys), the table binds \(bound.sorted())")
            #expect(line.keys.count == Set(line.keys).count, "\(label): a key shown twice")
        }
        for label in byLabel.keys.sorted() {
            #expect(shown.contains(label), "bindings for \(label) have no help row")
        }
        #expect(lines.contains { $0.text == labels["ui.help.mouse"] })
    }

    @Test func noKeyMeansTwoThingsInOneMode() {
        for mode in InputMode.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyTable.bindings where binding.modes.contains(mode) {
                for key in binding.allKeys {
                    #expect(seen[key] == nil, "\(mode): \(key) is bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.action)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test func theKeymapAnswersWhatTheTableSays() {
        for binding in KeyTable.bindings {
            for mode in binding.modes {
                for key in binding.allKeys {
                    #expect(Keymap.action(for: .key(key), mode: mode) == binding.action, "\(mode): \(key)")
                }
            }
        }
    }

    @Test func everyModeHasAWayOut() {
        // Every mode binds a key that quits, closes or goes back, so no one is stuck in it.
        let exits: [Action] = [.quit, .close, .toggleHelp, .focusList, .searchAccept, .searchCancel]
        for mode in InputMode.allCases {
            #expect(KeyTable.bindings.contains { $0.modes.contains(mode) && exits.contains($0.action) }, "\(mode)")
        }
    }

    @Test func helpLabelsExistInEveryLanguage() throws {
        for language in [Language.english, .indonesian] {
            let labels = try BundledCatalog.labels(language)
            for label in Set(KeyTable.bindings.map(\.help)) {
                #expect(labels.keys.contains(label), "\(language): no text for \(label)")
            }
        }
    }

    @Test func keyNamesAreShortAndDistinct() {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape,
                           .backspace, .delete, .function(1), .function(12), .character(" "), .character("g"),
                           .character("G"), .control("p")]
        #expect(Set(keys.map(\.helpName)).count == keys.count)
        #expect(Key.control("p").helpName == "^P" && Key.character(" ").helpName == "Space")
        #expect(keys.allSatisfy { !$0.helpName.contains(" ") }, "a key name with a space would split in two on the help screen")
    }

    // MARK: - Reading the help screen

    /// The rows inside the help box, split into the key column and the text.
    private func helpLines(language: Language, size: Size) throws -> [HelpLine] {
        let labels = try BundledCatalog.labels(language)
        let screen = try ExplorerHarness.play(keys("?"), size: size, language: language).screen
        let title = "┌─ " + labels["ui.help.title"] + " "
        let top = try #require((0..<size.height).first { screen.line($0).contains(title) }, "no help box")
        let row = screen.line(top)
        let left = row.distance(from: row.startIndex, to: try #require(row.range(of: title)).lowerBound)
        let right = try #require((left + 1..<size.width).first { screen[$0, top].text == "┐" })
        var lines: [HelpLine] = []
        for y in top + 1..<size.height {
            if screen[left, y].text == "└" { break }
            let inside = (left + 1..<right).map { screen[$0, y].text }.joined()
            guard !inside.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            lines.append(try split(inside, labels: labels))
        }
        return lines
    }

    /// Splits a row at the text of the longest help label it ends with (or, if none, at
    /// the last run of two or more spaces, so that the failure shows the row).
    private func split(_ row: String, labels: LabelTable) throws -> HelpLine {
        let trimmed = row.trimmingCharacters(in: .whitespaces)
        let texts = Set(KeyTable.bindings.map { labels[$0.help] } + [labels["ui.help.mouse"]])
        let text = texts.filter { trimmed.hasSuffix(" " + $0) }.max { $0.count < $1.count }
            ?? String(trimmed.split(separator: "  ").last ?? "")
        let keyColumn = trimmed.dropLast(text.count)
        return HelpLine(keys: keyColumn.split(separator: " ").map(String.init), text: text)
    }
}
