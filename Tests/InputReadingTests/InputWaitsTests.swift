import Foundation
import Testing
@testable import InputReading

/// `InputProgress.inputWaits`: set when a pipe has nothing more to give at once, which is
/// when the streaming outputs settle and flush; never for a regular file.
@Suite struct InputWaitsTests {
    @Test func aPipeWithNothingMoreSaysItWaits() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Read and write at once, so that opening does not wait for a reader (Linux).
        var writer = open(fifo, O_RDWR)
        try #require(writer >= 0)
        defer { if writer >= 0 { close(writer) } }
        #expect(write(writer, "550 5.1.1 unknown\n", 18) == 18)
        var reports: [Bool] = []
        var lines = 0
        _ = try LineReader(maximumLineBytes: 1024).read(.file(fifo), progress: { progress in
            reports.append(progress.inputWaits)
            // The writer goes away once the first chunk is read: the next read ends the input.
            close(writer)
            writer = -1
        }) { _, _ in lines += 1 }
        #expect(lines == 1 && reports.first == true, "\(reports)")
    }

    @Test func aFileNeverWaits() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mail.log")
        try Data("550 5.1.1 unknown\n451 4.7.1 later\n".utf8).write(to: file)
        var reports: [Bool] = []
        _ = try LineReader(chunkBytes: 8, maximumLineBytes: 1024).read(.file(file.path), progress: { reports.append($0.inputWaits) }) { _, _ in }
        #expect(reports.count > 1 && !reports.contains(true))
    }
}
