import Testing
@testable import ReplyExplainer

@Suite struct TimestampTests {
    private func rfc5322(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return Timestamps.rfc5322(bytes.span, 0..<bytes.count)
    }

    @Test func rfc3339AndEximTimes() {
        #expect(Formats.time("1970-01-01T00:00:00Z") == 0)
        #expect(Formats.time("2024-03-05T10:12:33.123456+00:00") == 1_709_633_553)
        #expect(Formats.time("2024-03-05T11:12:33+01:00") == 1_709_633_553)
        #expect(Formats.time("2024-03-05T05:12:33-0500") == 1_709_633_553)
        #expect(Formats.time("2024-03-05 10:12:33") == 1_709_633_553)
        #expect(Formats.time("2024-02-29T00:00:00Z") == 1_709_164_800)
        #expect(Formats.time("2024-13-05T10:12:33Z") == nil)
    }

    /// Syslog fronts in every layout: the usual one read from fixed places and the others
    /// (a fraction, an unpadded day, a bad field) by the general path, with the same answers.
    @Test func syslogFrontsInEveryLayout() {
        func read(_ text: String) -> [Int]? {
            let bytes = Array(text.utf8)
            return Timestamps.syslog(bytes.span, at: 0).map { [$0.month, $0.day, $0.secondOfDay, $0.end] }
        }
        #expect(read("Mar  5 10:12:33 mx1 postfix/smtp[1]: x") == [3, 5, 36_753, 15])
        #expect(read("mar 05 10:12:33 mx1 postfix/smtp[1]: x") == [3, 5, 36_753, 15])
        #expect(read("Dec 31 23:59:60 mx1 postfix/smtp[1]: x") == [12, 31, 86_400, 15])
        #expect(read("Mar  5 10:12:33.123456 mx1 postfix/smtp[1]: x") == [3, 5, 36_753, 22])
        #expect(read("Mar 5 10:12:33 mx1 postfix/smtp[1]: x") == [3, 5, 36_753, 14])
        #expect(read("Mar  5 24:12:33 mx1 postfix/smtp[1]: x") == nil)
        #expect(read("Mar  5 10:60:33 mx1 postfix/smtp[1]: x") == nil)
        #expect(read("Mar  x 10:12:33 mx1 postfix/smtp[1]: x") == nil)
        #expect(read("Mar  5 10-12-33 mx1 postfix/smtp[1]: x") == nil)
        #expect(read("Maz  5 10:12:33 mx1 postfix/smtp[1]: x") == nil)
    }

    @Test func rfc5322Dates() {
        #expect(rfc5322("Tue, 5 Mar 2024 10:12:33 +0000") == 1_709_633_553)
        #expect(rfc5322("Tue,  5 Mar 2024 11:12:33 +0100 (CET)") == 1_709_633_553)
        #expect(rfc5322("5 Mar 2024 10:12:33 -0000") == 1_709_633_553)
        #expect(rfc5322("Tue, 05 Mar 2024 02:12:33 PST") == 1_709_633_553)
        #expect(rfc5322("5 Mar 24 10:12 GMT") == 1_709_633_520)
        #expect(rfc5322("Tuesday") == nil)
    }

    @Test func syslogTimesAroundTheNewYear() {
        let january = Formats.time("2025-01-01T00:30:00Z")!
        #expect(Timestamps.syslogSeconds(month: 12, day: 31, secondOfDay: 86_399, reference: january) == Formats.time("2024-12-31T23:59:59Z"))
        #expect(Timestamps.syslogSeconds(month: 1, day: 1, secondOfDay: 0, reference: january) == Formats.time("2025-01-01T00:00:00Z"))
        // Up to a day ahead stays in the year (clocks a little apart, zones).
        #expect(Timestamps.syslogSeconds(month: 1, day: 1, secondOfDay: 80_000, reference: january) == Formats.time("2025-01-01T22:13:20Z"))
    }

    /// A log read with the time memo gives every line the header it has read alone: lines in
    /// the same second reuse the time, and any change in the first sixteen bytes, a fraction
    /// of a second or another layout is read afresh.
    @Test func theTimeMemoGivesWhatAFreshReadGives() {
        let fronts = ["Jan  1 00:00:01", "Jan  1 00:00:01", "Jan  1 00:00:02", "Jan 01 00:00:02", "Jan 1 00:00:02",
                      "Jan  1 00:00:02.5", "Jan  1 00:00:02.", "Feb 29 23:59:60", "jan  1 00:00:02", "Jan  1 24:00:00",
                      "2024-07-03T21:46:40Z", "Jan  1 00:00:0x", "Dec 31 23:59:59"]
        var memo = SyslogTimeMemo()
        var state: UInt64 = 3
        var reused = 0
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let front = fronts[Int(state >> 33) % fronts.count]
            let line = Array("\(front) mx postfix/smtp[12]: 4AB1: to=<a@example.org>, status=sent".utf8)
            let alone = SyslogHeader.read(line.span)
            let remembered = memo.time(of: line.span) != nil
            let read = SyslogHeader.read(line.span, memo: &memo)
            #expect(read?.time.seconds(reference: Formats.reference) == alone?.time.seconds(reference: Formats.reference), "\(front)")
            #expect(read?.program == alone?.program && read?.message == alone?.message, "\(front)")
            #expect((read == nil) == (alone == nil), "\(front)")
            if remembered { reused += 1 }
        }
        #expect(reused > 100, "repeated fronts are taken from the memo")
    }
}
