import Testing
import ReplyExplainer
import SMTPCatalog
import TestSupport

/// The provider replies of issue #11's "Why": each gets the right reason, provider and
/// advice, where the codes alone gave generic or wrong answers.
@Suite struct ProviderRepliesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let reason: String
        let provider: String
        let whoActs: WhoActs
        var testDescription: String { String(text.prefix(60)) }
    }

    @Test(arguments: [
        Case(text: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
             reason: "recipient_unknown", provider: "microsoft", whoActs: .sender),
        Case(text: "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [BN8NAM11FT012.eop-nam11.prod.protection.outlook.com]",
             reason: "recipient_unknown", provider: "microsoft", whoActs: .sender),
        Case(text: "553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes",
             reason: "reputation", provider: "yahoo", whoActs: .sendingAdmin),
        Case(text: "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
             reason: "reputation", provider: "yahoo", whoActs: .sendingAdmin),
        Case(text: "451 4.7.1 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html",
             reason: "greylisted", provider: "greylisting", whoActs: .nobody),
        Case(text: "421-4.7.28 [192.0.2.1] Our system has detected an unusual rate of\n421-4.7.28 unsolicited mail originating from your IP address. To protect our\n421 4.7.28 users from spam, mail sent from your IP address has been temporarily rate limited. - gsmtp",
             reason: "reputation", provider: "gmail", whoActs: .sendingAdmin),
        Case(text: "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.",
             reason: "ip_blocklisted", provider: "microsoft", whoActs: .sendingAdmin),
        Case(text: "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/",
             reason: "ip_blocklisted", provider: "microsoft", whoActs: .sendingAdmin),
        Case(text: "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain. - gsmtp",
             reason: "sender_auth_failed", provider: "gmail", whoActs: .sendingAdmin),
    ])
    func theReasonProviderAndAdviceFollowTheText(_ test: Case) throws {
        let classifier = try BundledCatalog.sharedClassifier()
        let reply = try #require(ReplyFinder.replies(in: test.text, classifier: classifier).first)
        let result = classifier.classify(reply)
        #expect(result.reason.id == test.reason, "decided by \(result.rule?.id ?? result.step.rawValue)")
        #expect(result.rule?.source.id == test.provider)
        #expect(result.reason.whoActs == test.whoActs)
    }

    /// Microsoft's and the others' own codes are recognised, not read as generic registry codes.
    @Test(arguments: [
        ("550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.", "microsoft"),
        ("451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation.", "microsoft"),
        ("550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject.", "microsoft"),
        ("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", "microsoft"),
        ("554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "icloud"),
        ("550 5.7.1 [HM08] Message rejected due to local policy", "icloud"),
    ])
    func providerCodesAreRecognised(text: String, provider: String) throws {
        let classifier = try BundledCatalog.sharedClassifier()
        let reply = try #require(ReplyFinder.replies(in: text, classifier: classifier).first)
        #expect(classifier.classify(reply).rule?.source.id == provider)
    }

    /// Greylisting says to wait; a reputation block does not say "the receiving side's policy".
    @Test func theVerdictFollowsTheReasonNotTheClass() throws {
        let classifier = try BundledCatalog.sharedClassifier()
        let labels = try BundledCatalog.labels()
        let catalog = try BundledCatalog.shared()
        func explain(_ text: String) throws -> ReplyExplanation {
            ReplyExplanation(try #require(ReplyFinder.replies(in: text, classifier: classifier).first), catalog: catalog, classifier: classifier, labels: labels)
        }
        let grey = try explain("451 4.7.1 Greylisting in action, please come back later")
        #expect(grey.verdict == labels["explain.verdict.transient"] && grey.whoActs == labels["acts.nobody"] && !grey.isHard)
        let yahoo = try explain("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints")
        #expect(yahoo.verdict == labels["explain.verdict.transient_fix"] && yahoo.whoActs == labels["acts.sending_admin"])
        let unknown = try explain("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(unknown.isHard && unknown.classification.reason.id == "recipient_unknown")
    }
}
