import Foundation
import Testing
import TestSupport

/// The end-to-end tests' scripts write into scratch folders; those must not pile up under /tmp.
struct ScratchFolderTests {
    @Test func aSessionsFolderIsRemovedAfterItsShellIsKilled() throws {
        var path = ""
        do {
            let scratch = try ScratchFolder(prefix: "scratch-test")
            path = scratch.path
            // The shell keeps writing until the server is killed.
            let script = "while :; do date > '\(path)/clock'; sleep 0.01; done"
            let session = try TmuxSession(command: script, width: 40, height: 5, scratch: scratch)
            _ = try session.require("the clock file", seconds: 5) { _ in FileManager.default.fileExists(atPath: path + "/clock") }
        }
        #expect(!path.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path), "\(path) was left behind")
    }

    @Test func aFolderOnItsOwnIsRemovedWithItsFiles() throws {
        var path = ""
        do {
            let scratch = try ScratchFolder(prefix: "scratch-test")
            path = scratch.path
            try Data("x".utf8).write(to: scratch.url.appendingPathComponent("file"))
            #expect(FileManager.default.fileExists(atPath: path + "/file"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
