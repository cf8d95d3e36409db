import SMTPCatalog

/// Whose side a code points at, by enhanced subject and detail (RFC 3463 §3),
/// falling back to the basic code. Returns a label key, or nil when the code says nothing.
enum FaultHint {
    package static func key(reply: ParsedReply) -> String? {
        if case .enhanced(let digit, let subject?, let detail)? = reply.enhanced, digit != 2 {
            switch (subject, detail ?? 0) {
            case (1, 7), (1, 8): return "fault.sender_address"
            case (1, _): return "fault.recipient_address"
            case (2, _): return "fault.recipient_mailbox"
            case (3, 4), (6, _): return "fault.message"
            case (3, _): return "fault.receiving_server"
            case (4, _): return "fault.network"
            case (5, _): return "fault.sending_client"
            case (7, 8), (7, 9), (7, 11), (7, 12), (7, 13): return "fault.sender_credentials"
            case (7, 20...27), (7, 29): return "fault.sending_domain"
            case (7, _): return "fault.policy"
            default: return nil
            }
        }
        guard let code = reply.replyCode else { return nil }
        switch code {
        case 421, 450, 451, 452, 454: return "fault.receiving_server"
        case 500...504, 555: return "fault.sending_client"
        case 530, 534, 535, 538: return "fault.sender_credentials"
        case 550, 551, 553: return "fault.recipient_address"
        case 552: return "fault.message"
        case 521, 556: return "fault.receiving_server"
        default: return nil
        }
    }
}
