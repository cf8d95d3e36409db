import Foundation
import Testing
@testable import CatalogLoading

/// Paths as strings (`PathNames`) name files as `URL` did, which the catalog's messages
/// and the snapshot's fingerprint relied on before the explorer's start stopped using it.
@Suite struct PathNamesTests {
    @Test(arguments: ["/usr/share/smtp-codes/catalog/codes.json", "/cfg/catalog/", "catalog.json", "a/b//", "/", "/x"])
    func theLastComponentIsURLs(path: String) {
        #expect(PathNames.lastComponent(path) == URL(fileURLWithPath: path).lastPathComponent)
    }

    @Test func theParentIsTheFolderHoldingThePath() {
        #expect(PathNames.parent(of: "/usr/local/bin/smtp-codes") == "/usr/local/bin")
        #expect(PathNames.parent(of: "/usr/local/bin/") == "/usr/local")
        #expect(PathNames.parent(of: "/smtp-codes") == "/")
        #expect(PathNames.parent(of: "/") == "/")
        #expect(PathNames.parent(of: "smtp-codes") == ".")
        #expect(PathNames.parent(of: "bin/smtp-codes") == "bin")
    }

    @Test func joiningPutsOneSlashBetween() {
        #expect(PathNames.join("/usr/share/smtp-codes", "catalog") == "/usr/share/smtp-codes/catalog")
        #expect(PathNames.join("/usr/share/smtp-codes/", "catalog") == "/usr/share/smtp-codes/catalog")
        #expect(PathNames.join("/", "catalog") == "/catalog")
        #expect(PathNames.join("/home/ann", ".config") == "/home/ann/.config")
    }

    /// The snapshot lies beside the catalog folder, however the folder was written.
    @Test func theSnapshotPathIgnoresTrailingSlashes() {
        #expect(CatalogSnapshot.path(of: "/r/catalog") == "/r/catalog.snapshot")
        #expect(CatalogSnapshot.path(of: "/r/catalog//") == "/r/catalog.snapshot")
        #expect(CatalogSnapshot.location(of: URL(fileURLWithPath: "/r/catalog", isDirectory: true)).path == "/r/catalog.snapshot")
    }
}
