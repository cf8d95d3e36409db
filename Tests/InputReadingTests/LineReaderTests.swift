import Foundation
import Testing
@testable import InputReading

/// Lines as `LineReader` hands them on, gathered for comparison.
struct ReadLines {
    var lines: [String] = []
    var numbers: [Int] = []
    var byteCounts: [Int] = []
}

enum Scratch {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// gzip(1)'s output for `bytes` (gzip is an essential Debian package, always there).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("plain"), packed = folder.appendingPathComponent("plain.gz")
        try Data(bytes).write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n \"$1\" > \"$2\"", "sh", plain.path, packed.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return [UInt8](try Data(contentsOf: packed))
    }
}

extension LineReader {
    func lines(of bytes: [UInt8]) throws -> (ReadLines, ReadSummary) {
        var read = ReadLines()
        let summary = try self.read(bytes: bytes, name: "test") { line, number in
            read.lines.append(String(decoding: Array(copying: line), as: UTF8.self))
            read.numbers.append(number)
            read.byteCounts.append(line.count)
        }
        return (read, summary)
    }

    /// The failure a read ends with, and the lines handed on before it.
    func failure(of bytes: [UInt8]) -> (ReadLines, InputFailure?) {
        var read = ReadLines()
        do {
            _ = try self.read(bytes: bytes, name: "broken.gz") { line, number in
                read.lines.append(String(decoding: Array(copying: line), as: UTF8.self))
                read.numbers.append(number)
            }
            return (read, nil)
        } catch {
            return (read, error as? InputFailure)
        }
    }
}

extension Array where Element == UInt8 {
    init(copying span: Span<UInt8>) {
        self.init()
        reserveCapacity(span.count)
        for index in 0..<span.count { append(span[index]) }
    }
}

@Suite struct LineReaderTests {
    static let sample = "550 5.1.1 user unknown\r\n\nline three\rstill three\n" + String(repeating: "é", count: 20)
        + "\r\n451 4.7.1 try later\nlast line without a break"
    static let sampleLines = [
        "550 5.1.1 user unknown", "", "line three\rstill three", String(repeating: "é", count: 20),
        "451 4.7.1 try later", "last line without a break",
    ]

    /// Every chunk size from one byte up: lines, numbers and the final line come out the same.
    @Test(arguments: [1, 2, 3, 5, 7, 16, 64, 4096])
    func chunkBoundariesDoNotChangeTheLines(chunk: Int) throws {
        let reader = LineReader(chunkBytes: chunk, maximumLineBytes: 1000)
        let (read, summary) = try reader.lines(of: Array(Self.sample.utf8))
        #expect(read.lines == Self.sampleLines)
        #expect(read.numbers == Array(1...Self.sampleLines.count))
        #expect(summary.lines == Self.sampleLines.count && summary.cutLines == 0)
        #expect(summary.contentBytes == Self.sample.utf8.count && !summary.isCompressed)
    }

    @Test func crlfAndLFEndLinesAndATrailingBreakAddsNoLine() throws {
        let reader = LineReader(chunkBytes: 8, maximumLineBytes: 100)
        #expect(try reader.lines(of: Array("a\r\nb\nc\r\n".utf8)).0.lines == ["a", "b", "c"])
        #expect(try reader.lines(of: Array("a\r\n\r\n".utf8)).0.lines == ["a", ""])
        // A CR not before LF is part of the line, except at the very end of the input.
        #expect(try reader.lines(of: Array("a\rb\nc\r".utf8)).0.lines == ["a\rb", "c"])
        #expect(try reader.lines(of: Array("\n".utf8)).0.lines == [""])
    }

    @Test func emptyInputHasNoLines() throws {
        let (read, summary) = try LineReader(maximumLineBytes: 100).lines(of: [])
        #expect(read.lines.isEmpty && summary == ReadSummary())
    }

    /// A longer line is handed on cut, counted, and the next line keeps its number, wherever the chunks fall.
    @Test(arguments: [1, 3, 10, 11, 12, 13, 100])
    func aLineLongerThanTheCutIsCutAndCounted(chunk: Int) throws {
        let reader = LineReader(chunkBytes: chunk, maximumLineBytes: 10)
        let input = "short\n" + String(repeating: "x", count: 25) + "\r\n0123456789\r\n0123456789A\nend"
        let (read, summary) = try reader.lines(of: Array(input.utf8))
        #expect(read.lines == ["short", "xxxxxxxxxx", "0123456789", "0123456789", "end"])
        #expect(read.numbers == [1, 2, 3, 4, 5])
        #expect(summary.cutLines == 2 && summary.lines == 5)
    }

    /// Exactly the cut plus CR LF is a whole line; one byte more is cut.
    @Test(arguments: [1, 2, 11, 12, 13, 64])
    func theCutIsExactAroundACarriageReturn(chunk: Int) throws {
        let reader = LineReader(chunkBytes: chunk, maximumLineBytes: 10)
        let (read, summary) = try reader.lines(of: Array("0123456789\r\n0123456789\r".utf8))
        #expect(read.lines == ["0123456789", "0123456789"] && summary.cutLines == 0)
        let (longer, cut) = try reader.lines(of: Array("0123456789\r\r\nx".utf8))
        #expect(longer.lines == ["0123456789", "x"] && cut.cutLines == 1)
    }

    /// The cut backs off to the start of a UTF-8 sequence, as ReplyParser's does.
    @Test(arguments: [1, 4, 64])
    func aCutNeverSplitsACharacter(chunk: Int) throws {
        let reader = LineReader(chunkBytes: chunk, maximumLineBytes: 9)
        let (read, _) = try reader.lines(of: Array((String(repeating: "é", count: 10) + "\nok").utf8))
        #expect(read.lines == [String(repeating: "é", count: 4), "ok"])
        #expect(read.byteCounts == [8, 2])
    }

    @Test func gzipIsInflatedOnTheFly() throws {
        let text = (1...5_000).map { "\($0): 550 5.1.1 <user\($0)@example.com> unknown" }.joined(separator: "\n") + "\n"
        let packed = try Scratch.gzip(Array(text.utf8))
        for chunk in [7, 1024, LineReader.defaultChunkBytes] {
            let (read, summary) = try LineReader(chunkBytes: chunk, maximumLineBytes: 16_384).lines(of: packed)
            #expect(read.lines.count == 5_000 && read.lines.last == "5000: 550 5.1.1 <user5000@example.com> unknown")
            #expect(summary.isCompressed && summary.bytesRead == packed.count && summary.contentBytes == text.utf8.count)
        }
    }

    /// `cat a.gz b.gz` is one gzip file: both members are read, a line may even span them.
    @Test func concatenatedMembersAreReadInTurn() throws {
        let first = try Scratch.gzip(Array("one\ntwo\nthree, and".utf8))
        let second = try Scratch.gzip(Array(" the rest\nfour\n".utf8))
        for chunk in [1, 5, 4096] {
            let (read, _) = try LineReader(chunkBytes: chunk, maximumLineBytes: 100).lines(of: first + second)
            #expect(read.lines == ["one", "two", "three, and the rest", "four"])
        }
        // Zero padding after the last member is skipped, as gzip(1) does.
        let (padded, _) = try LineReader(chunkBytes: 3, maximumLineBytes: 100).lines(of: first + [0, 0, 0, 0])
        #expect(padded.lines == ["one", "two", "three, and"])
    }

    /// A cut-off download: the lines before the cut are handed on, the error says where it stopped.
    @Test(arguments: [3, 4096])
    func aTruncatedGzipStreamNamesTheFileAndTheOffset(chunk: Int) throws {
        let text = (1...20_000).map { "line \($0) 451 4.7.1 try again later" }.joined(separator: "\n") + "\n"
        let packed = try Scratch.gzip(Array(text.utf8))
        let cut = Array(packed.prefix(packed.count / 2))
        let (read, failure) = LineReader(chunkBytes: chunk, maximumLineBytes: 16_384).failure(of: cut)
        let found = try #require(failure)
        #expect(found.kind == .truncatedGzip(offset: cut.count))
        #expect(found.description.hasPrefix("broken.gz: the gzip data is truncated at byte \(cut.count)"))
        #expect(!found.isUnreadable)
        #expect(read.lines.count > 1_000 && found.summary.lines == read.lines.count)
        #expect(read.lines == (1...read.lines.count).map { "line \($0) 451 4.7.1 try again later" })
    }

    @Test func damagedGzipDataIsReportedWithItsOffset() throws {
        let text = (1...2_000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var packed = try Scratch.gzip(Array(text.utf8))
        for index in (packed.count / 2)..<(packed.count / 2 + 64) { packed[index] ^= 0x5A }
        let (_, failure) = LineReader(chunkBytes: 512, maximumLineBytes: 100).failure(of: packed)
        let found = try #require(failure)
        guard case .corruptGzip(let offset, let detail) = found.kind else {
            Issue.record("expected damaged gzip data, got \(found.kind)")
            return
        }
        #expect(offset > 0 && offset <= packed.count && !detail.isEmpty)
        #expect(found.description.contains("broken.gz: damaged gzip data at byte \(offset)"))
        // A header that is not gzip's at all.
        let (_, header) = LineReader(maximumLineBytes: 100).failure(of: [0x1F, 0x8B, 0x99, 0, 0, 0, 0, 0, 0, 0])
        #expect(header.map { if case .corruptGzip = $0.kind { true } else { false } } == true)
    }

    @Test func garbageAfterTheLastMemberIsReported() throws {
        let packed = try Scratch.gzip(Array("one\ntwo\n".utf8))
        let (read, failure) = LineReader(maximumLineBytes: 100).failure(of: packed + Array("plain text\n".utf8))
        #expect(read.lines == ["one", "two"])
        #expect(failure?.kind == .trailingData(offset: packed.count))
    }

    /// A 50 MB line costs one chunk and one cut line of memory, plain or compressed.
    @Test func aFiftyMegabyteLineIsCutAndTheNextLineRead() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.log")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data("550 5.1.1 ".utf8))
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<50 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data("\n451 4.2.2 full\n".utf8))
        try handle.close()
        var lines: [(count: Int, prefix: String, number: Int)] = []
        var reports: [InputProgress] = []
        let summary = try LineReader(maximumLineBytes: 16_384).read(.file(file.path), progress: { reports.append($0) }) { line, number in
            lines.append((line.count, String(decoding: Array(copying: line).prefix(10), as: UTF8.self), number))
        }
        #expect(lines.map(\.count) == [16_384, 14] && lines.map(\.number) == [1, 2])
        #expect(lines.first?.prefix == "550 5.1.1 " && lines.last?.prefix == "451 4.2.2 ")
        #expect(summary.cutLines == 1 && summary.bytesRead == 50 << 20 + 26)
        // Progress: once per chunk, with the file's size.
        #expect(reports.count >= 50 && reports.allSatisfy { $0.totalBytes == summary.bytesRead })
        #expect(reports.last?.bytesRead == summary.bytesRead)
    }

    @Test func aFiftyMegabyteCompressedLineIsInflatedInChunks() throws {
        let huge = Array("550 5.1.1 ".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 50 << 20) + Array("\nnext\n".utf8)
        let packed = try Scratch.gzip(huge)
        #expect(packed.count < 1 << 20)
        let (read, summary) = try LineReader(maximumLineBytes: 16_384).lines(of: packed)
        #expect(read.byteCounts == [16_384, 4] && read.lines.last == "next")
        #expect(summary.cutLines == 1 && summary.contentBytes == huge.count)
    }

    @Test func theContentLimitStopsTheRead() throws {
        let (read, summary) = try LineReader(chunkBytes: 4, maximumLineBytes: 100, contentLimit: 10).lines(of: Array("one\ntwo\nthree\nfour\n".utf8))
        #expect(read.lines == ["one", "two", "th"])
        #expect(summary.stoppedAtLimit && summary.contentBytes == 10)
        let (whole, fits) = try LineReader(maximumLineBytes: 100, contentLimit: 8).lines(of: Array("one\ntwo\n".utf8))
        #expect(whole.lines == ["one", "two"] && !fits.stoppedAtLimit)
    }

    @Test func unreadableSourcesAreNamedWithTheSystemsReason() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = LineReader(maximumLineBytes: 100)
        let missing = folder.appendingPathComponent("missing.log").path
        for (path, reason) in [(missing, "No such file or directory"), (folder.path, "Is a directory")] {
            do {
                _ = try reader.read(.file(path)) { _, _ in }
                Issue.record("\(path) was read")
            } catch let failure as InputFailure {
                #expect(failure.isUnreadable)
                #expect(failure.description == "\(path): cannot be read: \(reason)")
            }
        }
    }

    /// An error thrown while handling a line ends the read and comes out as it was.
    @Test func theCallbacksErrorEndsTheRead() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try LineReader(chunkBytes: 2, maximumLineBytes: 100).read(bytes: Array("a\nb\nc\n".utf8), name: "x") { _, number in
                seen = number
                if number == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test func sourcesAreNamedAsOnTheCommandLine() {
        #expect(InputSource(argument: "-") == .standardInput && InputSource.standardInput.name == "standard input")
        #expect(InputSource(argument: "mail.log").argument == "mail.log")
    }
}
