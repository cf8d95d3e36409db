import Testing
@testable import CatalogLoading
import SMTPCatalog

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
        // Broken surrogate pairs become U+FFFD rather than stopping the reader.
        #expect(try parse(#""\ud83dA\ud83d\u0041\ude00""#) == .string("\u{FFFD}A\u{FFFD}A\u{FFFD}"))
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

    @Test func readsMembersAndElementsOneAtATime() throws {
        let text = #"{"schema": 1, "entries": [{"code": "553", "k\u0069nd": "basic", "extra": [1]}, 7]}"#
        var keys: [String] = []
        var entries: [EntryObject] = []
        var store = TextStoreBuilder()
        try JSONParser.withParser(Array(text.utf8)) { parser in
            var members = try parser.beginObject()
            while try parser.next(in: &members) {
                let key = try parser.readKey()
                keys.append(key)
                if key == "entries" {
                    var elements = try parser.beginArray()
                    while try parser.next(in: &elements) { entries.append(try EntryObject.read(from: &parser, into: &store)) }
                } else {
                    #expect(try parser.readValue() == .number(1))
                }
            }
            try parser.expectEnd()
        }
        #expect(keys == ["schema", "entries"])
        #expect(entries.count == 2)
        let stored = { (value: FieldValue?) -> String? in
            if case .text(let span)? = value { return store.string(span) }
            return nil
        }
        #expect(stored(entries[0][.code]) == "553")
        // A name written with an escape is still recognised.
        #expect(stored(entries[0][.kind]) == "basic")
        #expect(entries[0].unknownNames == ["extra"])
        #expect(entries[1].nonObject == .number(7))
    }

    @Test func aMissingCommaBetweenMembersIsAnError() {
        #expect(throws: JSONParser.Failure.self) {
            try JSONParser.withParser(Array(#"{"a": 1 "b": 2}"#.utf8)) { parser in
                var members = try parser.beginObject()
                while try parser.next(in: &members) { _ = try parser.readKey(); _ = try parser.readValue() }
            }
        }
    }
}
