import Foundation
import Testing
import CatalogLoading
import ReplyExplainer
import SMTPCatalog
import TestSupport

/// The bundled reasons and rules hold together: each rule's example classifies to that
/// very rule, and every reason and rule reads as documented.
@Suite struct BundledRulesTests {
    @Test func everyRuleClassifiesItsOwnExample() throws {
        let classifier = try BundledCatalog.sharedClassifier()
        var wrong: [String] = []
        for rule in classifier.book.rules {
            let replies = ReplyFinder.replies(in: rule.example, classifier: classifier)
            guard let reply = replies.first else {
                wrong.append("\(rule.id): no reply found in its example")
                continue
            }
            let decided = classifier.classify(reply).rule?.id ?? "none"
            if decided != rule.id { wrong.append("\(rule.id): its example went to \(decided)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) rules:\n\(wrong.joined(separator: "\n"))")
    }

    /// Issue #11 asks for at least 300 rules over these providers and MTAs.
    @Test func theRulesCoverTheProvidersAndMTAsPeopleMeet() throws {
        let book = try BundledCatalog.reasonBook()
        #expect(book.rules.count >= 300)
        let sources = Set(book.rules.map(\.source.id))
        for wanted in ["gmail", "microsoft", "yahoo", "icloud", "comcast", "gmx", "yandex", "mailru", "mimecast", "proofpoint",
                       "barracuda", "cisco", "blocklists", "postfix", "exim", "sendmail", "qmail", "exchange", "dovecot",
                       "greylisting"] {
            #expect(sources.contains(wanted), "no rules for \(wanted)")
        }
    }

    @Test func theTaxonomyHasTheDocumentedReasons() throws {
        let book = try BundledCatalog.reasonBook()
        #expect(book.reasons.map(\.id) == [
            "recipient_unknown", "recipient_disabled", "mailbox_full", "domain_unknown", "message_too_large",
            "too_many_recipients", "rate_limited", "greylisted", "ip_blocklisted", "reputation", "spam_content", "virus",
            "content_rejected", "sender_auth_failed", "reverse_dns", "tls_required", "client_auth", "relay_denied",
            "sender_rejected", "policy_rejected", "protocol_error", "remote_failure", "network_error", "expired", "delivered",
            "unclassified",
        ])
    }

    /// docs/reasons.md's table lists every reason with its peers' classes, as the data says.
    @Test func theDocumentedTableMatchesTheData() throws {
        let doc = try String(contentsOf: Self.repository.appendingPathComponent("docs/reasons.md"), encoding: .utf8)
        for reason in try BundledCatalog.reasonBook().reasons {
            let row = doc.split(separator: "\n").first { $0.hasPrefix("| `\(reason.id)`") }
            #expect(row != nil, "docs/reasons.md has no row for \(reason.id)")
            if let row { #expect(row.contains(reason.sisimai) && row.contains(reason.kumomta), "row of \(reason.id)") }
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
