import Foundation
import Testing
import TestSupport
@testable import CatalogLoading
import SMTPCatalog

/// Catalogs of the user's own laid over the bundled one (docs/catalog.md, "Your own codes").
@Suite struct OverlayTests {
    /// A folder for one test's files, removed with `clean()`.
    private struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        /// Writes `{"schema": 1, "entries": entries}` as `name` and returns its URL.
        func write(_ name: String, _ entries: [[String: Any]]) throws -> URL {
            let file = url.appendingPathComponent(name)
            try CatalogFixture.document(entries).write(to: file)
            return file
        }

        func clean() { try? FileManager.default.removeItem(at: url) }
    }

    private var bundled: URL { get throws { try BundledCatalog.resources.appendingPathComponent("catalog") } }

    private func issues(_ body: () throws -> Catalog) -> [CatalogIssue] {
        do {
            _ = try body()
            return []
        } catch let error as CatalogValidationError {
            return error.issues
        } catch {
            return [CatalogIssue(file: "?", message: "unexpected \(error)")]
        }
    }

    @Test func aNewCodeIsAddedWithItsSource() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let file = try folder.write("team.json", [CatalogFixture.entry("599", overrides: ["related": ["550", "x.1.1"]])])
        let catalog = try CatalogLoader.load(from: try bundled, overlays: [file])
        let entry = try #require(catalog.entry(forKey: "599"))
        #expect(entry.title == "Title of 599" && entry.related == ["550", "X.1.1"])
        #expect(entry.overlays == [EntryOverlay(file: file.path, added: true, fields: Array(SchemaField.all.dropFirst().filter {
            $0 != .seenAfter && $0 != .caveat
        }))])
        #expect(catalog.entries.count == (try BundledCatalog.shared()).entries.count + 1)
        // In code order, not at the end.
        let position = try #require(catalog.position(ofKey: "599"))
        #expect(catalog.entries[position - 1].code < "599" && catalog.entries[position + 1].kind == .enhanced)
    }

    /// One field given: that field replaced, every other kept from the bundled entry.
    @Test func aKnownCodeChangesOnlyTheFieldsGiven() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let file = try folder.write("fix.json", [["code": "550", "fix": "Ask postmaster@example.org."]])
        let catalog = try CatalogLoader.load(from: try bundled, overlays: [file])
        let before = try #require(try BundledCatalog.shared().entry(forKey: "550"))
        let after = try #require(catalog.entry(forKey: "550"))
        #expect(after.fix == "Ask postmaster@example.org.")
        #expect(after.title == before.title && after.summary == before.summary && after.description == before.description)
        #expect(after.when == before.when && after.commands == before.commands && after.seenAfter == before.seenAfter)
        #expect(after.rfcs == before.rfcs && after.related == before.related && after.keywords == before.keywords)
        #expect(after.caveat == before.caveat && after.standing == before.standing && after.className == before.className)
        #expect(after.kind == before.kind && after.classDigit == before.classDigit)
        #expect(after.overlays == [EntryOverlay(file: file.path, added: false, fields: [.fix])])
        #expect(before.overlays.isEmpty)
        #expect(catalog.entries.count == (try BundledCatalog.shared()).entries.count)
    }

    @Test func listsAreReplacedAndNullRemovesAnOptionalField() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let withCaveat = try #require(try BundledCatalog.shared().entries.first { $0.caveat != nil && !$0.seenAfter.isEmpty })
        let file = try folder.write("lists.json", [
            ["code": withCaveat.code, "keywords": ["only"], "caveat": NSNull(), "seen_after": NSNull()],
        ])
        let entry = try #require(try CatalogLoader.load(from: try bundled, overlays: [file]).entry(forKey: withCaveat.code))
        #expect(entry.keywords == ["only"] && entry.caveat == nil && entry.seenAfter.isEmpty)
        #expect(entry.overlays.first?.fields == [.seenAfter, .keywords, .caveat])
    }

    /// Later catalogs go over earlier ones; a file may change a code an earlier file added.
    @Test func catalogsApplyInOrder() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let first = try folder.write("a.json", [
            ["code": "550", "fix": "first fix", "title": "First Title"], CatalogFixture.entry("599"),
        ])
        let second = try folder.write("b.json", [["code": "550", "fix": "second fix"], ["code": "599", "summary": "Changed."]])
        let catalog = try CatalogLoader.load(from: try bundled, overlays: [first, second])
        let code550 = try #require(catalog.entry(forKey: "550"))
        #expect(code550.fix == "second fix" && code550.title == "First Title")
        #expect(code550.overlays.map(\.file) == [first.path, second.path])
        let code599 = try #require(catalog.entry(forKey: "599"))
        #expect(code599.summary == "Changed." && code599.title == "Title of 599")
        #expect(code599.overlays.map(\.added) == [true, false])
        // The other way round, the last word is a.json's; and b.json's 599 comes before
        // any catalog has it, so its partial entry is refused.
        let found = issues { try CatalogLoader.load(from: try bundled, overlays: [second, first]) }
        #expect(found.contains(CatalogIssue(file: second.path, entry: "#2 (599)",
                                            message: "is a code no catalog below has, so it must be a complete entry")))
        let fixOnly = try folder.write("c.json", [["code": "550", "fix": "second fix"]])
        #expect(try CatalogLoader.load(from: try bundled, overlays: [fixOnly, first]).entry(forKey: "550")?.fix == "first fix")
    }

    @Test func aFolderIsAppliedFileByFileInNameOrder() throws {
        let folder = try Folder()
        defer { folder.clean() }
        _ = try folder.write("2-mine.json", [["code": "550", "fix": "mine"]])
        _ = try folder.write("1-team.json", [["code": "550", "fix": "team", "title": "Team Title"]])
        let catalog = try CatalogLoader.load(from: try bundled, overlays: [folder.url])
        let entry = try #require(catalog.entry(forKey: "550"))
        #expect(entry.fix == "mine" && entry.title == "Team Title")
        #expect(entry.overlays.map(\.file) == [folder.url.path + "/1-team.json", folder.url.path + "/2-mine.json"])
    }

    @Test func aRelatedCodeMayBeBundledButMustExist() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let good = try folder.write("good.json", [CatalogFixture.entry("599", overrides: ["related": ["550", "5.7.1"]])])
        #expect(issues { try CatalogLoader.load(from: try bundled, overlays: [good]) }.isEmpty)
        let bad = try folder.write("bad.json", [CatalogFixture.entry("599", overrides: ["related": ["550", "597"]])])
        let found = issues { try CatalogLoader.load(from: try bundled, overlays: [bad]) }
        #expect(found == [CatalogIssue(file: bad.path, entry: "#1 (599)", field: "related", message: "597 is not in the catalog")])
        // A bundled entry's links may point at a code the user adds: validation runs on the merged catalog.
        let linked = try folder.write("linked.json", [["code": "550", "related": ["551", "598"]], CatalogFixture.entry("598")])
        #expect(try CatalogLoader.load(from: try bundled, overlays: [linked]).entry(forKey: "550")?.related == ["551", "598"])
    }

    @Test func problemsNameTheFileEntryAndField() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let file = try folder.write("broken.json", [
            ["code": "550", "class": 4],
            ["code": "598", "title": "Half an entry"],
            ["code": "550", "fix": "again"],
            ["code": "450", "commands": ["MAIL", "RCPT", "DATA"]],
        ])
        let found = issues { try CatalogLoader.load(from: try bundled, overlays: [file]) }
        let described = found.map(\.description)
        #expect(found.allSatisfy { $0.file == file.path }, "\(described)")
        #expect(found.contains(CatalogIssue(file: file.path, entry: "#1 (550)", field: "class", message: "must be 5 for the code 550, found 4")))
        #expect(found.contains(CatalogIssue(file: file.path, entry: "#2 (598)",
                                            message: "is a code no catalog below has, so it must be a complete entry")))
        #expect(found.contains(CatalogIssue(file: file.path, entry: "#2 (598)", field: "fix", message: "missing")))
        #expect(found.contains { $0.entry == "#3 (550)" && $0.field == "code" && $0.message.contains("already given in this file as entry #1") })
        // 450's bundled seen_after lists MAIL; the commands given here now do too.
        #expect(found.contains { $0.entry == "#4 (450)" && $0.field == "seen_after" && $0.message.contains("taken from the catalog below") },
                "\(described)")
    }

    @Test func aCodeInAnotherFormIsNotAStoredForm() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let file = try folder.write("form.json", [["code": "5.1.1", "fix": "x"]])
        let found = issues { try CatalogLoader.load(from: try bundled, overlays: [file]) }
        #expect(found.count == 1 && found.first?.field == "code" && found.first?.message.contains("not a stored code form") == true)
    }

    @Test func aMissingOverlayIsReportedWithTheOtherProblems() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let broken = try folder.write("broken.json", [["code": "550", "class": 4]])
        let missing = folder.url.appendingPathComponent("missing.json")
        let found = issues { try CatalogLoader.load(from: try bundled, overlays: [missing, broken]) }
        #expect(found.contains(CatalogIssue(file: missing.path, message: "no such file or folder")))
        #expect(found.contains { $0.file == broken.path && $0.field == "class" })
    }

    @Test func pathsUnderHomeShowWithATilde() {
        #expect(CatalogLoader.shown("/home/ann/.config/smtp-codes/catalog/team.json", home: "/home/ann")
            == "~/.config/smtp-codes/catalog/team.json")
        #expect(CatalogLoader.shown("/home/ann/x.json", home: "/home/ann/") == "~/x.json")
        #expect(CatalogLoader.shown("/home/annie/x.json", home: "/home/ann") == "/home/annie/x.json")
        #expect(CatalogLoader.shown("/x.json", home: "/") == "/x.json")
        #expect(CatalogLoader.shown("/x.json", home: nil) == "/x.json")
    }

    @Test func theUserFolderFollowsXDG() throws {
        #expect(UserCatalog.path(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ann"]) == "/cfg/smtp-codes/catalog")
        #expect(UserCatalog.path(environment: ["HOME": "/home/ann"]) == "/home/ann/.config/smtp-codes/catalog")
        // Empty or relative: ignored, as the XDG Base Directory rules say.
        #expect(UserCatalog.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ann"]) == "/home/ann/.config/smtp-codes/catalog")
        #expect(UserCatalog.path(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/ann"]) == "/home/ann/.config/smtp-codes/catalog")
        #expect(UserCatalog.path(environment: [:]) == nil)

        let folder = try Folder()
        defer { folder.clean() }
        let environment = ["XDG_CONFIG_HOME": folder.url.path]
        #expect(UserCatalog.overlay(environment: environment) == nil)
        let catalogFolder = folder.url.appendingPathComponent("smtp-codes/catalog")
        try FileManager.default.createDirectory(at: catalogFolder, withIntermediateDirectories: true)
        #expect(UserCatalog.overlay(environment: environment) == nil)
        try Data("{}".utf8).write(to: catalogFolder.appendingPathComponent("notes.txt"))
        #expect(UserCatalog.overlay(environment: environment) == nil)
        try Data("{}".utf8).write(to: catalogFolder.appendingPathComponent("team.json"))
        #expect(UserCatalog.overlay(environment: environment) == catalogFolder.path)
    }

    /// The first catalog read on its own, as with `--no-bundled`: its links may point at
    /// a code a later catalog adds.
    @Test func aBaseOfYourOwnMayLinkToALaterCatalog() throws {
        let folder = try Folder()
        defer { folder.clean() }
        let base = try folder.write("base.json", [CatalogFixture.entry("553", overrides: ["related": ["554"]])])
        let more = try folder.write("more.json", [CatalogFixture.entry("554")])
        let catalog = try CatalogLoader.load(from: base, overlays: [more])
        #expect(catalog.entries.map(\.code) == ["553", "554"])
        #expect(catalog.entries[0].overlays.isEmpty && catalog.entries[1].overlays.first?.added == true)
    }
}
