#!/usr/bin/env bash
# Mutation check: does the test suite notice when the code is wrong?
#
# Each mutation below is a hand-chosen bug: a file, an exact piece of its text, what
# replaces it, and the tests (a `swift test --filter` pattern) that should fail
# because of it. For each one in turn the script applies it, rebuilds incrementally,
# runs those tests, restores the file and prints
#   KILLED    the tests failed: they caught the bug
#   SURVIVED  the tests passed with the bug in: a test is missing
#   PENDING   no test matched the filter (a misspelt filter, or tests that were removed)
#   ERROR     the mutated code did not build (the mutation needs fixing)
# and finally a total. It exits 1 when an original text is not found exactly once
# (the sources moved on: update the mutation), when a mutation survived, was pending
# or did not build, or when the unmutated tests fail.
# An ORIGINAL may span lines; FILTERs name test suites (or Suite/test) of any target.
#
# Usage: scripts/mutate.sh [--check] [PATTERN]
#   --check   only verify that every original text is present, once; no building
#   PATTERN   run only the mutations whose name matches this extended regex
# Needs the build machine only: bash, swift. After the first full build a mutation takes
# 5-30 s on 2 cores (incremental build plus its tests): about 8 minutes for all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

check_only=0
if [[ ${1:-} == --check ]]; then check_only=1; shift; fi
pattern=${1:-.}

names=() files=() originals=() replacements=() filters=()
# mutation NAME FILE ORIGINAL REPLACEMENT FILTER
mutation() {
  names+=("$1") files+=("$2") originals+=("$3") replacements+=("$4") filters+=("$5")
}

# --- search ranking -----------------------------------------------------------------
mutation "phrase scored by its best word, not its weakest" Sources/CatalogSearch/Index/SearchIndex.swift \
  'arrays.weakest[entry] = min(arrays.weakest[entry],' \
  'arrays.weakest[entry] = max(arrays.weakest[entry],' \
  'SearchRankingTests'
mutation "words ORed instead of ANDed" Sources/CatalogSearch/Index/SearchIndex.swift \
  'running[index] = groupScores[index] > 0 && running[index] > 0 ?' \
  'running[index] = groupScores[index] > 0 || running[index] > 0 ?' \
  'SearchBehaviourTests'
mutation "!exclusions ignored" Sources/CatalogSearch/Index/SearchIndex.swift \
  'for index in 0..<count where finalScores[index] > 0 && !excluded[index] {' \
  'for index in 0..<count where finalScores[index] > 0 {' \
  'SearchBehaviourTests'
mutation "exact code scored as a pattern" Sources/CatalogSearch/Index/SearchIndex.swift \
  'case 2: scores[index] = Int32(Self.exactCodeScore); matched = true' \
  'case 2: scores[index] = Int32(Self.codePatternScore); matched = true' \
  'SearchRankingTests|SearchBehaviourTests|SearchCommandTests'
mutation "typos no longer corrected" Sources/CatalogSearch/Index/SearchIndex.swift \
  'ids = vocabulary.ids(near: word, maxEdits: word.count >= 8 ? 2 : 1)' \
  'ids = vocabulary.ids(near: word, maxEdits: 0)' \
  'SearchBehaviourTests'
mutation "last word no longer completed as a prefix" Sources/CatalogSearch/Index/SearchIndex.swift \
  'if isOwn, isLastWord, term.isLast || word.count >= 4 {' \
  'if isOwn, isLastWord, term.isLast && word.isEmpty {' \
  'SearchBehaviourTests'
mutation "title weighs less than a summary" Sources/CatalogSearch/Results/SearchField.swift \
  'case .title: 300' \
  'case .title: 100' \
  'SearchRankingTests'
mutation "ties no longer put standard codes first" Sources/CatalogSearch/Results/ResultOrder.swift \
  'UInt64(best - result.score) << 3 | UInt64(standingRanks[result.entryIndex] & 7)' \
  'UInt64(best - result.score) << 3' \
  'SearchRankingTests|ResultOrderTests'
mutation "synonym phrases not expanded" Sources/CatalogSearch/Query/SearchQuery.swift \
  'guard !plain.isEmpty, let match = synonyms.longestPhrase(in: plain, at: 0) else { return (term, 1) }' \
  'guard !plain.isEmpty, let match = synonyms.longestPhrase(in: plain, at: 0), plain.isEmpty else { return (term, 1) }' \
  'SynonymRegressionTests|SearchBehaviourTests'
mutation "smart case off" Sources/CatalogSearch/Query/SearchQuery.swift \
  'let caseSensitive = text.contains(where: \.isUppercase)' \
  'let caseSensitive = false' \
  'SearchBehaviourTests'

# --- reply parsing ------------------------------------------------------------------
mutation "continuation lines merged across different codes" Sources/ReplyExplainer/ReplyParser.swift \
  'if var last = result.last, last.continues, last.reply.replyCode == reply.reply.replyCode {' \
  'if var last = result.last, last.continues {' \
  'ReplyParserTests'
mutation "continuation lines never joined" Sources/ReplyExplainer/ReplyParser.swift \
  'continues: start.continues))' \
  'continues: false))' \
  'ReplyParserTests'
mutation "the command answered is never found" Sources/ReplyExplainer/ReplyParser.swift \
  'let command = command(in: line, patterns)' \
  'let command: String? = nil' \
  'ExplainCommandTests'
mutation "reply lines cut at 512 bytes" Sources/ReplyExplainer/ReplyParser.swift \
  'var end = min(index, start + maximumLineBytes)' \
  'var end = min(index, start + maximumLineBytes / 32)' \
  'HostileInputCommandTests|ReplyParserTests'
mutation "4xx read as permanent" Sources/ReplyExplainer/ParsedReply.swift \
  'public var isPermanent: Bool { effectiveClass == 5 }' \
  'public var isPermanent: Bool { effectiveClass ?? 0 >= 4 }' \
  'ExplainCommandTests'
mutation "class contradictions not reported" Sources/ReplyExplainer/ParsedReply.swift \
  'return basic != enhancedClass' \
  'return false' \
  'ExplainCommandTests'

# --- loading and validation -----------------------------------------------------------
mutation "the at-least-one-RFC rule skipped" Sources/CatalogLoading/Validation/EntryValidator.swift \
  'if let rfcs, rfcs.count == 0, issues.allSatisfy({ $0.field != "rfcs" }) {' \
  'if let rfcs, rfcs.count < 0, issues.allSatisfy({ $0.field != "rfcs" }) {' \
  'ValidationTests'
mutation "kind not checked against the code" Sources/CatalogLoading/Validation/EntryValidator.swift \
  'if let code, let kind, code.kind != kind {' \
  'if let code, let kind, code.kind != kind, kind != kind {' \
  'ValidationTests'
mutation "unknown SMTP commands accepted" Sources/CatalogLoading/Validation/EntryValidator.swift \
  'where !Self.knownCommands.contains(command) {' \
  'where Self.knownCommands.isEmpty {' \
  'ValidationTests'
mutation "a seen_after command repeating commands accepted" Sources/CatalogLoading/Validation/EntryValidator.swift \
  '} else if commandNames.contains(command) {' \
  '} else if commandNames.isEmpty, !commandNames.isEmpty {' \
  'ValidationTests'
mutation "one level of JSON nesting too many allowed" Sources/CatalogLoading/JSON/JSONParser.swift \
  'if depth >= Self.maximumDepth,' \
  'if depth > Self.maximumDepth,' \
  'DeepNestingTests'
mutation "a stream read stops at a sixteenth of its limit" Sources/CatalogLoading/Files/BoundedInput.swift \
  'while data.count <= limit {' \
  'while data.count <= limit / 16 {' \
  'BoundedInputTests'

# --- key, mouse and paste decoding ----------------------------------------------------
mutation "PgUp decoded as PgDn" Sources/CursesTerminal/KeyDecoder.swift \
  'case KEY_PPAGE: return .key(.pageUp)' \
  'case KEY_PPAGE: return .key(.pageDown)' \
  'KeyDecoderTests'
mutation "byte 127 no longer Backspace" Sources/CursesTerminal/KeyDecoder.swift \
  'case 8, 127: return .key(.backspace)' \
  'case 8: return .key(.backspace)' \
  'KeyDecoderTests'
mutation "carriage return no longer Enter" Sources/CursesTerminal/KeyDecoder.swift \
  'case 10, 13: return .key(.enter)' \
  'case 10: return .key(.enter)' \
  'KeyDecoderTests'
mutation "wheel up read as wheel down" Sources/CursesTerminal/MouseDecoder.swift \
  'kind = .wheelUp' \
  'kind = .wheelDown' \
  'MouseDecoderTests'
mutation "a pasted line break passed on as a key" Sources/CursesTerminal/PasteAssembler.swift \
  'case nil:' \
  'case nil where value == 10 || value == 13: return .pass
        case nil:' \
  'PasteAssemblerTests'

# --- explorer keys and state --------------------------------------------------------
mutation "PgUp pages the list down" Sources/ExplorerUI/State/KeyTable.swift \
  'KeyBinding([.list], [.pageUp, .control("b")], .pageSelection(-1), help: "ui.help.page"),' \
  'KeyBinding([.list], [.pageUp, .control("b")], .pageSelection(1), help: "ui.help.page"),' \
  'KeymapTests'
mutation "N moves to the next match" Sources/ExplorerUI/State/KeyTable.swift \
  'KeyBinding([.list], [.character("N")], .moveSelection(-1), help: "ui.help.next"),' \
  'KeyBinding([.list], [.character("N")], .moveSelection(1), help: "ui.help.next"),' \
  'KeymapTests'
mutation "wheel up scrolls down" Sources/ExplorerUI/State/Keymap.swift \
  'case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, delta: -1)' \
  'case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, delta: 1)' \
  'KeymapTests'
mutation "Ctrl-W clears the whole line" Sources/ExplorerUI/State/KeyTable.swift \
  'KeyBinding([.search], [.control("w")], .searchDeleteWord, help: "ui.help.search_edit"),' \
  'KeyBinding([.search], [.control("w")], .searchClearLine, help: "ui.help.search_edit"),' \
  'KeymapTests'
mutation "x toggles a mark instead of clearing" Sources/ExplorerUI/State/KeyTable.swift \
  'KeyBinding([.list], [.character("x")], .clearMarks, help: "ui.help.clear_marks"),' \
  'KeyBinding([.list], [.character("x")], .toggleMark, help: "ui.help.clear_marks"),' \
  'KeymapTests'
mutation "a third mark replaces the newer one" Sources/ExplorerUI/State/AppState.swift \
  'if marks.count == 2 { marks.removeFirst() }' \
  'if marks.count == 2 { marks.removeLast() }' \
  'KeymapTests|ExplorerStateTests'
mutation "[ goes to the next tab" Sources/ExplorerUI/State/AppState.swift \
  'case .previousTab: max(tab.rawValue - 1, 0)' \
  'case .previousTab: min(tab.rawValue + 1, last)' \
  'KeymapTests|TabsAndMarksTests'
mutation "t stops at the last tab instead of going round" Sources/ExplorerUI/State/AppState.swift \
  'default: (tab.rawValue + 1) % (last + 1)' \
  'default: min(tab.rawValue + 1, last)' \
  'TabsAndMarksTests'
mutation "a typed class is not kept" Sources/CatalogSearch/Query/SearchQuery.swift \
  'guard digits.count == 1, let digit = digits[0], [2, 4, 5].contains(digit) else { return nil }' \
  'guard digits.count == 1, let digit = digits[0], [2, 4, 5].contains(digit), digits.isEmpty else { return nil }' \
  'TypedClassTests|TypedClassExplorerTests'
mutation "a pasted reply is searched instead of explained" Sources/ReplyExplainer/PastedReply.swift \
  'guard text.contains(where: \.isNewline) || isContinuation || hasBothCodes || words >= 2 else { return [] }' \
  'guard text.isEmpty else { return [] }' \
  'ExplainInExplorerTests'
mutation "the comparison pages by the detail pane's height" Sources/ExplorerUI/State/AppState.swift \
  'scroll(by: pages * (screen == .browse ? layout.detailRows : layout.compareRows))' \
  'scroll(by: pages * layout.detailRows)' \
  'KeymapTests'
mutation "a pasted line break accepts the search like Enter" Sources/ExplorerUI/State/AppState.swift \
  'return editQuery { $0 += PastedQuery.text(from: text) }' \
  'if text.contains(where: \.isNewline) { isSearching = false }
            return editQuery { $0 += PastedQuery.text(from: text) }' \
  'PasteTests'
mutation "pasted line breaks kept in the one-line query" Sources/ExplorerUI/State/PastedQuery.swift \
  'if isBreak {' \
  'if isBreak, !character.isNewline {' \
  'PasteTests'

# --- views --------------------------------------------------------------------------
mutation "marked rows lose their dot" Sources/ExplorerUI/Views/CodeListView.swift \
  'x += buffer.put(isMarked ? "●" : " ", x: x, y: y, style: theme.marked)' \
  'x += buffer.put(isMarked ? "*" : " ", x: x, y: y, style: theme.marked)' \
  'ExplorerRenderTests'
mutation "selected row not in reverse video" Sources/ExplorerUI/Views/CodeListView.swift \
  'style.reverse = true' \
  'style.reverse = false' \
  'ExplorerRenderTests'
mutation "title highlight one cell to the right" Sources/ExplorerUI/Views/CodeListView.swift \
  'in: entry.title, x: x, end: x + shownWidth, y: y, into: &buffer)' \
  'in: entry.title, x: x + 1, end: x + 1 + shownWidth, y: y, into: &buffer)' \
  'ExplorerRenderTests'
mutation "highlight not clipped where the title is cut" Sources/ExplorerUI/Views/CodeListView.swift \
  'let width = min(DisplayWidth.of(String(characters[range])), end - start)' \
  'let width = DisplayWidth.of(String(characters[range]))' \
  'HighlightClippingTests'
mutation "highlight covers the ellipsis of a cut title" Sources/ExplorerUI/Views/CodeListView.swift \
  'let shownWidth = DisplayWidth.of(shown) - (shown == entry.title ? 0 : 1)' \
  'let shownWidth = DisplayWidth.of(shown)' \
  'HighlightClippingTests'
mutation "match count off by one" Sources/ExplorerUI/Views/StatusLineView.swift \
  ': labels.format("ui.search.matches", String(state.results.count))' \
  ': labels.format("ui.search.matches", String(state.results.count + 1))' \
  'ExplorerRenderTests'
mutation "header lists marks without commas" Sources/ExplorerUI/Views/HeaderView.swift \
  'state.labels.format("ui.mark.count", state.marks.joined(separator: ", "))' \
  'state.labels.format("ui.mark.count", state.marks.joined(separator: " "))' \
  'ExplorerRenderTests'
mutation "detail focus shows the list's hints" Sources/ExplorerUI/Views/HintBarView.swift \
  'case .detail: "ui.hint.detail"' \
  'case .detail: "ui.hint.main"' \
  'ExplorerRenderTests'
mutation "narrower list pane" Sources/ExplorerUI/Layout.swift \
  'let listWidth = min(48, max(34, size.width * 2 / 5))' \
  'let listWidth = min(48, max(30, size.width * 2 / 5))' \
  'ExplorerRenderTests'
mutation "the help screen drops its last row" Sources/ExplorerUI/Views/HelpView.swift \
  'return order.map { (keyText(keys[$0] ?? []), $0) }' \
  'return order.dropLast().map { (keyText(keys[$0] ?? []), $0) }' \
  'KeyTableTests|ExplorerRenderTests'
mutation "the help screen lists the aliases too" Sources/ExplorerUI/Views/HelpView.swift \
  'keys[binding.help, default: []] += binding.keys' \
  'keys[binding.help, default: []] += binding.allKeys' \
  'KeyTableTests|ExplorerRenderTests'

# --- JSON and the command line --------------------------------------------------------
mutation "class_name renamed in code objects" Sources/SMTPCatalog/Entries/SchemaField.swift \
  'public var stringValue: String { name }' \
  'public var stringValue: String { self == .className ? "className" : name }' \
  'JSONContractTests'
mutation "caveat left out when null" Sources/CatalogDocuments/CodeJSON.swift \
  'case .caveat: try container.encode(caveat, forKey: field)' \
  'case .caveat: try container.encodeIfPresent(caveat, forKey: field)' \
  'JSONContractTests'
mutation "class_name renamed in search hits" Sources/CatalogDocuments/SearchHitJSON.swift \
  'enum CodingKeys: String, CodingKey { case code, title, `class`, className = "class_name", score, matches }' \
  'enum CodingKeys: String, CodingKey { case code, title, `class`, className = "klass_name", score, matches }' \
  'JSONContractTests'
mutation "when_to_use renamed" Sources/CatalogDocuments/ComparisonJSON.swift \
  'case left, right, verdict, differences, whenToUse = "when_to_use", references' \
  'case left, right, verdict, differences, whenToUse = "whenToUse", references' \
  'JSONContractTests'
mutation "reply_code renamed" Sources/CatalogDocuments/ExplanationJSON.swift \
  'case replyCode = "reply_code", enhancedCode = "enhanced_code", command, text, permanent' \
  'case replyCode = "code", enhancedCode = "enhanced_code", command, text, permanent' \
  'JSONContractTests'
mutation "search hits without their matches" Sources/CatalogDocuments/SearchHitJSON.swift \
  'try container.encode(matches, forKey: .matches)' \
  'try container.encode([Match](), forKey: .matches)' \
  'SearchCommandTests'
mutation "match ranges end one past the word" Sources/CatalogDocuments/SearchHitJSON.swift \
  'match.scalarRanges(in: entry).map { [$0.lowerBound, $0.upperBound] })' \
  'match.scalarRanges(in: entry).map { [$0.lowerBound, $0.upperBound + 1] })' \
  'SearchCommandTests'
mutation "--limit shows one more" Sources/smtp-codes/Commands/SearchCommand.swift \
  'let results = index.search(query).prefix(limit)' \
  'let results = index.search(query).prefix(limit + 1)' \
  'SearchCommandTests'
mutation "no search result exits 0" Sources/smtp-codes/Commands/SearchCommand.swift \
  'throw ExitStatus.notFound' \
  'return' \
  'SearchCommandTests'
mutation "a reader that stops early reported as an I/O error" Sources/smtp-codes/Output/OutputFailure.swift \
  'if code == EPIPE { return ExitStatus.brokenPipe }' \
  'if code == EPIPE { return ExitStatus.ioError }' \
  'HostileInputCommandTests'

# --- input reading and triage (#12) -------------------------------------------------
mutation "CR before LF kept in the line" Sources/InputReading/LineSplitter.swift \
  'if length > 0, line[length - 1] == 0x0D { length -= 1 }' \
  'if length > 0, line[length - 1] == 0x0E { length -= 1 }' \
  'LineReaderTests'
mutation "a second gzip member read as trailing data" Sources/InputReading/GzipInflater.swift \
  'guard !inPadding, next[0] == 0x1F else' \
  'guard !inPadding, next[0] == 0x00 else' \
  'LineReaderTests'
mutation "a truncated gzip stream passes silently" Sources/InputReading/LineReader.swift \
  'if let inflater, inflater.isInsideMember, !summary.stoppedAtLimit {' \
  'if let inflater, inflater.isInsideMember, summary.stoppedAtLimit {' \
  'LineReaderTests|TriageCommandTests'
mutation "one key more than the limit kept per group" Sources/ReplyExplainer/Triage/TriageReport.swift \
  '} else if counts.count < limit {' \
  '} else if counts.count <= limit {' \
  'TriageReportTests'
mutation "delivered replies grouped as problems" Sources/ReplyExplainer/Triage/TriageReport.swift \
  'case .delivered: false' \
  'case .delivered: true' \
  'TriageReportTests|TriageDocumentTests'
mutation "quotes left unescaped in NDJSON" Sources/CatalogDocuments/ReplyEventJSON.swift \
  'case "\"": out += "\\\""' \
  'case "\"": out += "\""' \
  'TriageDocumentTests'
mutation "an unreadable triage file exits 0" Sources/smtp-codes/Commands/TriageCommand.swift \
  'if unreadable { throw ExitStatus.ioError }' \
  'if unreadable && false { throw ExitStatus.ioError }' \
  'TriageCommandTests'

# --- machinery ----------------------------------------------------------------------
# How often ORIGINAL occurs in FILE (the text compared as is, no patterns).
occurrences() {
  local content rest
  content=$(<"$1") || return 1
  rest=${content//"$2"/}
  echo $(( (${#content} - ${#rest}) / ${#2} ))
}

selected=()
missing=0
for i in "${!names[@]}"; do
  [[ ${names[$i]} =~ $pattern ]] || continue
  selected+=("$i")
  count=$(occurrences "${files[$i]}" "${originals[$i]}" 2>/dev/null || echo "no file")
  if [[ $count != 1 ]]; then
    echo "MISSING   ${names[$i]}: '${originals[$i]}' occurs ${count} times in ${files[$i]} (expected once)" >&2
    missing=$((missing + 1))
  fi
done
echo "${#selected[@]} mutations selected, $missing with an original text not found once"
if ((missing)); then
  echo "Update those mutations to the current sources before running the check." >&2
  exit 1
fi
((check_only)) && exit 0

scratch=$(mktemp -d)
current=""
restore() {
  # Copy back without keeping the saved time stamp, so the next build sees the change.
  if [[ -n $current ]]; then cp "$scratch/original" "$current"; current=""; fi
}
trap 'restore; rm -rf "$scratch"' EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

echo "building and running the selected tests unmutated first"
if ! swift build --build-tests >"$scratch/build.log" 2>&1; then
  tail -20 "$scratch/build.log" >&2; echo "the unmutated sources do not build" >&2; exit 1
fi
all_filters=$(for i in "${selected[@]}"; do echo "${filters[$i]}"; done | sort -u | paste -sd'|')
if ! swift test --skip-build --filter "$all_filters" >"$scratch/test.log" 2>&1; then
  grep -E '✘|error' "$scratch/test.log" | head -20 >&2
  echo "the unmutated tests fail: a mutation check would prove nothing" >&2; exit 1
fi

killed=0 survived=0 pending=0 errors=0
for i in "${selected[@]}"; do
  file=${files[$i]} started=$SECONDS
  cp "$file" "$scratch/original"
  current=$file
  content=$(<"$file")
  printf '%s\n' "${content/"${originals[$i]}"/"${replacements[$i]}"}" >"$file"
  if ! swift build --build-tests >"$scratch/build.log" 2>&1; then
    verdict=ERROR errors=$((errors + 1))
    grep -m3 'error:' "$scratch/build.log" >&2
  else
    swift test --skip-build --filter "${filters[$i]}" >"$scratch/test.log" 2>&1
    status=$?
    if grep -q 'Test run with 0 tests' "$scratch/test.log" && grep -q 'Executed 0 tests' "$scratch/test.log"; then
      verdict=PENDING pending=$((pending + 1))
    elif ((status != 0)); then
      verdict=KILLED killed=$((killed + 1))
    else
      verdict=SURVIVED survived=$((survived + 1))
    fi
  fi
  restore
  printf '%-9s %s  [%s, %s, %ds]\n' "$verdict" "${names[$i]}" "$file" "${filters[$i]}" $((SECONDS - started))
done

echo "rebuilding the unmutated sources"
swift build --build-tests >"$scratch/build.log" 2>&1 || echo "warning: the final rebuild failed" >&2
echo "total: ${#selected[@]} mutations: $killed killed, $survived survived, $pending pending, $errors did not build"
((survived == 0 && pending == 0 && errors == 0))
