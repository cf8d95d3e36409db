import Foundation

/// JSON fixtures kept beside the tests. A missing or malformed file throws into
/// the test that reads it: swallowing the error would leave a table-driven test
/// with no cases, which passes.
public enum Fixture {
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Decodes `path` (relative to the folder of the calling test file).
    public static func decode<T: Decodable>(_ type: T.Type, _ path: String, besides file: String = #filePath) throws -> T {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Unreadable(description: "fixture \(url.path) cannot be read: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw Unreadable(description: "fixture \(url.path) does not decode as \(T.self): \(error)")
        }
    }
}
