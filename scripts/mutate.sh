#!/usr/bin/env bash
# Mutation check: does the test suite notice when the code is wrong?
#
# Each mutation below is a hand-chosen bug: a file, an exact piece of its text, what
# replaces it, and the tests (a `swift test --filter` pattern) that should fail
# because of it. For each one in turn the script applies it, rebuilds incrementally,
# runs those tests, restores the file and prints
#   KILLED    the tests failed: they caught the bug
#   SURVIVED  the tests passed with the bug in: a test is missing
#   PENDING   no test matched the filter (tests that live on another branch)
#   ERROR     the mutated code did not build (the mutation needs fixing)
# and finally a total. It exits 1 when an original text is not found exactly once
# (the sources moved on: update the mutation), when a mutation survived or did not
# build, or when the unmutated tests fail.
#
# Usage: scripts/mutate.sh [--check] [PATTERN]
#   --check   only verify that every original text is present, once; no building
#   PATTERN   run only the mutations whose name matches this extended regex
# Needs the build machine only: bash, swift. Takes roughly a minute per mutation on 2 cores.
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
mutation "phrase scored by its best word, not its weakest" Sources/SMTPCatalog/SearchIndex.swift \
  'arrays.weakest[entry] = min(arrays.weakest[entry],' \
  'arrays.weakest[entry] = max(arrays.weakest[entry],' \
  'SearchRankingTests'
mutation "words ORed instead of ANDed" Sources/SMTPCatalog/SearchIndex.swift \
  'running[index] = groupScores[index] > 0 && running[index] > 0 ?' \
  'running[index] = groupScores[index] > 0 || running[index] > 0 ?' \
  'SearchBehaviourTests'
mutation "!exclusions ignored" Sources/SMTPCatalog/SearchIndex.swift \
  'for index in 0..<count where finalScores[index] > 0 && !excluded[index] {' \
  'for index in 0..<count where finalScores[index] > 0 {' \
  'SearchBehaviourTests'
mutation "exact code scored as a pattern" Sources/SMTPCatalog/SearchIndex.swift \
  'case 2: scores[index] = Int32(Self.exactCodeScore); matched = true' \
  'case 2: scores[index] = Int32(Self.codePatternScore); matched = true' \
  'SearchRankingTests|SearchBehaviourTests|SearchCommandTests'
mutation "typos no longer corrected" Sources/SMTPCatalog/SearchIndex.swift \
  'ids = vocabulary.ids(near: word, maxEdits: word.count >= 8 ? 2 : 1)' \
  'ids = vocabulary.ids(near: word, maxEdits: 0)' \
  'SearchBehaviourTests'
mutation "last word no longer completed as a prefix" Sources/SMTPCatalog/SearchIndex.swift \
  'if isOwn, isLastWord, term.isLast || word.count >= 4 {' \
  'if isOwn, isLastWord, term.isLast && word.isEmpty {' \
  'SearchBehaviourTests'
mutation "title weighs less than a summary" Sources/SMTPCatalog/SearchField.swift \
  'case .title: 300' \
  'case .title: 100' \
  'SearchRankingTests'
mutation "ties no longer put standard codes first" Sources/SMTPCatalog/ResultOrder.swift \
  'UInt64(best - result.score) << 3 | UInt64(standingRanks[result.entryIndex] & 7)' \
  'UInt64(best - result.score) << 3' \
  'SearchRankingTests|ResultOrderTests'
mutation "synonym phrases not expanded" Sources/SMTPCatalog/SearchQuery.swift \
  'guard !plain.isEmpty, let match = synonyms.longestPhrase(in: plain, at: 0) else { return (term, 1) }' \
  'guard !plain.isEmpty, let match = synonyms.longestPhrase(in: plain, at: 0), plain.isEmpty else { return (term, 1) }' \
  'SynonymRegressionTests|SearchBehaviourTests'
mutation "smart case off" Sources/SMTPCatalog/SearchQuery.swift \
  'let caseSensitive = text.contains(where: \.isUppercase)' \
  'let caseSensitive = false' \
  'SearchBehaviourTests'

# --- reply parsing ------------------------------------------------------------------
mutation "continuation lines merged across different codes" Sources/SMTPCatalog/ReplyParser.swift \
  'if let last = result.last, last.continues, last.reply.replyCode == reply.reply.replyCode {' \
  'if let last = result.last, last.continues {' \
  'ReplyParserTests'
mutation "continuation lines never joined" Sources/SMTPCatalog/ReplyParser.swift \
  'continues: start.continues))' \
  'continues: false))' \
  'ReplyParserTests'
mutation "the command answered is never found" Sources/SMTPCatalog/ReplyParser.swift \
  'let command = command(in: line)' \
  'let command: String? = nil' \
  'ExplainCommandTests'
mutation "4xx read as permanent" Sources/SMTPCatalog/ParsedReply.swift \
  'public var isPermanent: Bool { effectiveClass == 5 }' \
  'public var isPermanent: Bool { effectiveClass ?? 0 >= 4 }' \
  'ExplainCommandTests'
mutation "class contradictions not reported" Sources/SMTPCatalog/ParsedReply.swift \
  'return basic != enhancedClass' \
  'return false' \
  'ExplainCommandTests'

# --- validation ---------------------------------------------------------------------
mutation "the at-least-one-RFC rule skipped" Sources/SMTPCatalog/EntryValidator.swift \
  'if let rfcs, rfcs.count == 0, issues.allSatisfy({ $0.field != "rfcs" }) {' \
  'if let rfcs, rfcs.count < 0, issues.allSatisfy({ $0.field != "rfcs" }) {' \
  'ValidationTests'
mutation "kind not checked against the code" Sources/SMTPCatalog/EntryValidator.swift \
  'if let code, let kind, code.kind != kind {' \
  'if let code, let kind, code.kind != kind, kind != kind {' \
  'ValidationTests'
mutation "unknown SMTP commands accepted" Sources/SMTPCatalog/EntryValidator.swift \
  'where !Self.knownCommands.contains(command) {' \
  'where Self.knownCommands.isEmpty {' \
  'ValidationTests'

# --- key and mouse decoding (tests on the CursesTerminalTests branch) -----------------
mutation "PgUp decoded as PgDn" Sources/CursesTerminal/KeyDecoder.swift \
  'case KEY_PPAGE: return .key(.pageUp)' \
  'case KEY_PPAGE: return .key(.pageDown)' \
  'CursesTerminalTests'
mutation "byte 127 no longer Backspace" Sources/CursesTerminal/KeyDecoder.swift \
  'case 8, 127: return .key(.backspace)' \
  'case 8: return .key(.backspace)' \
  'CursesTerminalTests'
mutation "carriage return no longer Enter" Sources/CursesTerminal/KeyDecoder.swift \
  'case 10, 13: return .key(.enter)' \
  'case 10: return .key(.enter)' \
  'CursesTerminalTests'
mutation "wheel up read as wheel down" Sources/CursesTerminal/CursesTerminal.swift \
  'kind = .wheelUp' \
  'kind = .wheelDown' \
  'CursesTerminalTests'

# --- explorer keys and state --------------------------------------------------------
mutation "PgUp pages the list down" Sources/ExplorerUI/Keymap.swift \
  'case .pageUp, .control("b"): .pageSelection(-1)' \
  'case .pageUp, .control("b"): .pageSelection(1)' \
  'KeymapTests'
mutation "N moves to the next match" Sources/ExplorerUI/Keymap.swift \
  'case .character("N"): .moveSelection(-1)' \
  'case .character("N"): .moveSelection(1)' \
  'KeymapTests'
mutation "wheel up scrolls down" Sources/ExplorerUI/Keymap.swift \
  'case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, delta: -1)' \
  'case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, delta: 1)' \
  'KeymapTests'
mutation "Ctrl-W clears the whole line" Sources/ExplorerUI/Keymap.swift \
  'case .control("w"): .searchDeleteWord' \
  'case .control("w"): .searchClearLine' \
  'KeymapTests'
mutation "x toggles a mark instead of clearing" Sources/ExplorerUI/Keymap.swift \
  'case .character("x"): .clearMarks' \
  'case .character("x"): .toggleMark' \
  'KeymapTests'
mutation "a third mark replaces the newer one" Sources/ExplorerUI/Update.swift \
  'if marks.count == 2 { marks.removeFirst() }' \
  'if marks.count == 2 { marks.removeLast() }' \
  'KeymapTests|ExplorerStateTests'
mutation "[ goes to the next tab" Sources/ExplorerUI/Update.swift \
  'let step = action == .nextTab ? 1 : ListTab.allCases.count - 1' \
  'let step = action == .nextTab ? 1 : 1' \
  'KeymapTests'
mutation "the comparison pages by the detail pane's height" Sources/ExplorerUI/Update.swift \
  'scroll(by: pages * (screen == .browse ? layout.detailRows : layout.compareRows))' \
  'scroll(by: pages * layout.detailRows)' \
  'KeymapTests'

# --- views --------------------------------------------------------------------------
mutation "marked rows lose their dot" Sources/ExplorerUI/CodeListView.swift \
  'x += buffer.put(isMarked ? "●" : " ", x: x, y: y, style: theme.marked)' \
  'x += buffer.put(isMarked ? "*" : " ", x: x, y: y, style: theme.marked)' \
  'ExplorerRenderTests'
mutation "selected row not in reverse video" Sources/ExplorerUI/CodeListView.swift \
  'style.reverse = true' \
  'style.reverse = false' \
  'ExplorerRenderTests'
mutation "title highlight one cell to the right" Sources/ExplorerUI/CodeListView.swift \
  'highlight(state.highlighter.ranges(in: entry.title), in: entry.title, x: titleX, y: y, into: &buffer)' \
  'highlight(state.highlighter.ranges(in: entry.title), in: entry.title, x: titleX + 1, y: y, into: &buffer)' \
  'ExplorerRenderTests'
mutation "match count off by one" Sources/ExplorerUI/StatusLineView.swift \
  ': labels.format("ui.search.matches", String(state.results.count))' \
  ': labels.format("ui.search.matches", String(state.results.count + 1))' \
  'ExplorerRenderTests'
mutation "header lists marks without commas" Sources/ExplorerUI/HeaderView.swift \
  'state.labels.format("ui.mark.count", state.marks.joined(separator: ", "))' \
  'state.labels.format("ui.mark.count", state.marks.joined(separator: " "))' \
  'ExplorerRenderTests'
mutation "detail focus shows the list's hints" Sources/ExplorerUI/HintBarView.swift \
  'key = state.focus == .detail ? "ui.hint.detail" : "ui.hint.main"' \
  'key = "ui.hint.main"' \
  'ExplorerRenderTests'
mutation "narrower list pane" Sources/ExplorerUI/Layout.swift \
  'let listWidth = min(48, max(34, size.width * 2 / 5))' \
  'let listWidth = min(48, max(30, size.width * 2 / 5))' \
  'ExplorerRenderTests'

# --- JSON and the command line --------------------------------------------------------
mutation "class_name renamed in code objects" Sources/SMTPCatalog/CodeJSON.swift \
  'case code, kind, `class`, className = "class_name", title, summary, description, when, fix' \
  'case code, kind, `class`, className = "className", title, summary, description, when, fix' \
  'JSONContractTests'
mutation "caveat left out when null" Sources/SMTPCatalog/CodeJSON.swift \
  'try container.encode(caveat, forKey: .caveat)' \
  'try container.encodeIfPresent(caveat, forKey: .caveat)' \
  'JSONContractTests'
mutation "class_name renamed in search hits" Sources/smtp-codes/SearchCommand.swift \
  'enum CodingKeys: String, CodingKey { case code, title, `class`, className = "class_name", score, matches }' \
  'enum CodingKeys: String, CodingKey { case code, title, `class`, className = "klass_name", score, matches }' \
  'JSONContractTests'
mutation "when_to_use renamed" Sources/smtp-codes/CompareCommand.swift \
  'case left, right, verdict, differences, whenToUse = "when_to_use", references' \
  'case left, right, verdict, differences, whenToUse = "whenToUse", references' \
  'JSONContractTests'
mutation "reply_code renamed" Sources/smtp-codes/ExplainCommand.swift \
  'case replyCode = "reply_code", enhancedCode = "enhanced_code", command, text, permanent' \
  'case replyCode = "code", enhancedCode = "enhanced_code", command, text, permanent' \
  'JSONContractTests'
mutation "search hits without their matches" Sources/smtp-codes/SearchCommand.swift \
  'try container.encode(matches, forKey: .matches)' \
  'try container.encode([Match](), forKey: .matches)' \
  'SearchCommandTests'
mutation "match ranges end one past the word" Sources/smtp-codes/SearchCommand.swift \
  'ranges: match.ranges.map { [$0.lowerBound, $0.upperBound] })' \
  'ranges: match.ranges.map { [$0.lowerBound, $0.upperBound + 1] })' \
  'SearchCommandTests'
mutation "--limit shows one more" Sources/smtp-codes/SearchCommand.swift \
  'let results = index.search(query).prefix(limit)' \
  'let results = index.search(query).prefix(limit + 1)' \
  'SearchCommandTests'
mutation "no search result exits 0" Sources/smtp-codes/SearchCommand.swift \
  'throw ExitStatus.notFound' \
  'return' \
  'SearchCommandTests'

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
((survived == 0 && errors == 0))
