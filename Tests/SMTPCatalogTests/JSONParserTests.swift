import Testing
@testable import SMTPCatalog

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.withParser(Array(text.utf8)) { try $0.parseDocument() }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#"{"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}, "e": []}"#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-25), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]), "e": .array([]),
        ]))
    }

    @Test func decodesEscapesAndUnicode() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
        #expect(try parse("\"ünïcödé 日本\"") == .string("ünïcödé 日本"))
        #expect(try parse("\u{FEFF}[]".replacingOccurrences(of: "\u{FEFF}", with: "\u{FEFF}")) == .array([]))
    }

    @Test(arguments: [
        ("{\"a\": }", "unexpected character '}' at line 1, column 7"),
        ("[1, 2", "unexpected end of file, expected ']' at line 1, column 6"),
        ("{\"a\": 1}\nx", "unexpected text after the JSON value at line 2, column 1"),
        ("\"abc", "unterminated string at line 1, column 5"),
        ("\"a\u{1}\"", "unescaped control character in a string at line 1, column 3"),
        ("[tru]", "invalid literal at line 1, column 2"),
        ("\"\\q\"", "invalid escape '\\q' at line 1, column 4"),
    ])
    func reportsWhereTheProblemIs(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func streamsTheEntriesArray() throws {
        var seen: [Int] = []
        let top = try JSONParser.withParser(Array(#"{"schema": 1, "entries": [{"x": 1}, {"x": 2}]}"#.utf8)) { parser in
            try parser.parseObject(streaming: "entries") { value, index in
                if case .object(let object) = value, object["x"] == .number(Double(index + 1)) { seen.append(index) }
            }
        }
        #expect(seen == [0, 1])
        #expect(top["schema"] == .number(1))
    }
}
