import Foundation

/// Stops the fuzzer on a broken property. A plain `fatalError` would do, but
/// printing the input's own description first makes the report readable without
/// re-running the reproducer.
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #fileID, line: UInt = #line) {
    if condition() { return }
    FileHandle.standardError.write(Data("fuzz property failed (\(file):\(line)): \(message())\n".utf8))
    abort()
}
