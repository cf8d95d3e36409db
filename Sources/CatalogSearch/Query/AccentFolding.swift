/// The base letter of an accented Latin letter (`é` → `e`, `Ł` → `l`), so that a search
/// for "resume" finds "résumé" and the reverse.
///
/// Foundation's `folding(options: .diacriticInsensitive)` did this through ICU, whose
/// data was most of the installed binary (docs/performance.md); the standard library
/// has no public canonical decomposition, so the letters are listed here
/// (docs/decisions.md, "FoundationEssentials only"). The table holds what canonical decomposition
/// followed by dropping the marks gives, for every precomposed letter of Latin-1
/// Supplement, Latin Extended-A and -B and Latin Extended Additional (Vietnamese and
/// the rest), plus the letters with a stroke that have no decomposition but whose
/// base letter readers type in its place: Ð ð Đ đ (d), Ħ ħ (h), ı (i), Ŀ ŀ Ł ł (l),
/// Ø ø Ǿ ǿ (o), Ŧ ŧ (t). Letters that stand for two (æ, œ, ß, þ) stay as they are:
/// search folds one character to one, so that offsets into the text still hold.
enum AccentFolding {
    /// One line per 16 code points, the letters in a comment above; `.` keeps the letter.
    private static let latin = Table(first: 0x00C0, lines: [
        // ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
        "aaaaaa.ceeeeiiii",
        // ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
        "dnooooo.ouuuuy..",
        // àáâãäåæçèéêëìíîï
        "aaaaaa.ceeeeiiii",
        // ðñòóôõö÷øùúûüýþÿ
        "dnooooo.ouuuuy.y",
        // ĀāĂăĄąĆćĈĉĊċČčĎď
        "aaaaaaccccccccdd",
        // ĐđĒēĔĕĖėĘęĚěĜĝĞğ
        "ddeeeeeeeeeegggg",
        // ĠġĢģĤĥĦħĨĩĪīĬĭĮį
        "gggghhhhiiiiiiii",
        // İıĲĳĴĵĶķĸĹĺĻļĽľĿ
        "ii..jjkk.lllllll",
        // ŀŁłŃńŅņŇňŉŊŋŌōŎŏ
        "lllnnnnnn...oooo",
        // ŐőŒœŔŕŖŗŘřŚśŜŝŞş
        "oo..rrrrrrssssss",
        // ŠšŢţŤťŦŧŨũŪūŬŭŮů
        "ssttttttuuuuuuuu",
        // ŰűŲųŴŵŶŷŸŹźŻżŽžſ
        "uuuuwwyyyzzzzzzs",
        // ƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏ
        "................",
        // ƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟ
        "................",
        // ƠơƢƣƤƥƦƧƨƩƪƫƬƭƮƯ
        "oo.............u",
        // ưƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿ
        "u...............",
        // ǀǁǂǃǄǅǆǇǈǉǊǋǌǍǎǏ
        ".............aai",
        // ǐǑǒǓǔǕǖǗǘǙǚǛǜǝǞǟ
        "ioouuuuuuuuuu.aa",
        // ǠǡǢǣǤǥǦǧǨǩǪǫǬǭǮǯ
        "aa....ggkkoooo..",
        // ǰǱǲǳǴǵǶǷǸǹǺǻǼǽǾǿ
        "j...gg..nnaa..oo",
        // ȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏ
        "aaaaeeeeiiiioooo",
        // ȐȑȒȓȔȕȖȗȘșȚțȜȝȞȟ
        "rrrruuuusstt..hh",
        // ȠȡȢȣȤȥȦȧȨȩȪȫȬȭȮȯ
        "......aaeeoooooo",
        // ȰȱȲȳȴȵȶȷȸȹȺȻȼȽȾȿ
        "ooyy............",
        // ɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏ
        "................",
    ])

    private static let latinAdditional = Table(first: 0x1E00, lines: [
        // ḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏ
        "aabbbbbbccdddddd",
        // ḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟ
        "ddddeeeeeeeeeeff",
        // ḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯ
        "gghhhhhhhhhhiiii",
        // ḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿ
        "kkkkkkllllllllmm",
        // ṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏ
        "mmmmnnnnnnnnoooo",
        // ṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟ
        "oooopppprrrrrrrr",
        // ṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯ
        "sssssssssstttttt",
        // ṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿ
        "ttuuuuuuuuuuvvvv",
        // ẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏ
        "wwwwwwwwwwxxxxyy",
        // ẐẑẒẓẔẕẖẗẘẙẚẛẜẝẞẟ
        "zzzzzzhtwy.s....",
        // ẠạẢảẤấẦầẨẩẪẫẬậẮắ
        "aaaaaaaaaaaaaaaa",
        // ẰằẲẳẴẵẶặẸẹẺẻẼẽẾế
        "aaaaaaaaeeeeeeee",
        // ỀềỂểỄễỆệỈỉỊịỌọỎỏ
        "eeeeeeeeiiiioooo",
        // ỐốỒồỔổỖỗỘộỚớỜờỞở
        "oooooooooooooooo",
        // ỠỡỢợỤụỦủỨứỪừỬửỮữ
        "oooouuuuuuuuuuuu",
        // ỰựỲỳỴỵỶỷỸỹỺỻỼỽỾỿ
        "uuyyyyyyyy......",
    ])

    /// The lowercase ASCII letter `scalar` folds to, if it is an accented Latin letter.
    static func base(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        latin.base(of: scalar) ?? latinAdditional.base(of: scalar)
    }

    /// The combining diacritical marks (the main block, its Extended and Supplement
    /// blocks, those for symbols, and the half marks): what a decomposed letter carries
    /// after its base (`e` + U+0301), dropped when folding.
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// The code points covered by the tables, for tests.
    static var coveredScalars: [ClosedRange<UInt32>] { [latin.range, latinAdditional.range] }

    /// Base letters for a run of consecutive code points, one ASCII byte each.
    private struct Table: Sendable {
        let first: UInt32
        let bases: [UInt8]

        init(first: UInt32, lines: [String]) {
            self.first = first
            bases = Array(lines.joined().utf8)
        }

        var range: ClosedRange<UInt32> { first...(first + UInt32(bases.count) - 1) }

        func base(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
            guard scalar.value >= first else { return nil }
            let offset = Int(scalar.value - first)
            guard offset < bases.count, bases[offset] != UInt8(ascii: ".") else { return nil }
            return Unicode.Scalar(bases[offset])
        }
    }
}
