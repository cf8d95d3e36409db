import CatalogDocuments
import TerminalScreen

/// Every style the explorer uses, in colour or monochrome. Selection and marks
/// rely on reverse video and bold, so they still show without colour.
public struct Theme: Sendable {
    public let usesColor: Bool

    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    private func tint(_ style: Style) -> Style { usesColor ? style : style.monochrome }

    /// Class colours: 2 green, 3 cyan, 4 yellow, 5 red; X (any class) magenta.
    public func classColor(_ digit: Int?) -> TerminalColor {
        switch digit {
        case 2: .green
        case 3: .cyan
        case 4: .yellow
        case 5: .red
        default: .magenta
        }
    }

    public func badge(_ digit: Int?) -> Style { tint(Style(foreground: classColor(digit), bold: true)) }
    public var text: Style { .plain }
    public var dim: Style { tint(Style(dim: true)) }
    public var selected: Style { Style(bold: true, reverse: true) }
    public var marked: Style { tint(Style(foreground: .magenta, bold: true)) }
    public var highlight: Style { tint(Style(foreground: .yellow, bold: true, underline: true)) }
    public func border(focused: Bool) -> Style { tint(Style(foreground: focused ? .cyan : .standard, bold: focused, dim: !focused)) }
    public var heading: Style { tint(Style(foreground: .blue, bold: true)) }
    public var caveat: Style { tint(Style(foreground: .yellow)) }
    public var bar: Style { Style(reverse: true) }
    public var notice: Style { tint(Style(foreground: .yellow, bold: true)) }
    public var error: Style { tint(Style(foreground: .red, bold: true)) }

    public func line(_ line: DocumentLine) -> Style {
        switch line.role {
        case .title: tint(Style(foreground: classColor(line.classDigit), bold: true))
        case .classLine: tint(Style(foreground: classColor(line.classDigit)))
        case .source: dim
        case .heading: heading
        case .caveat: caveat
        case .body, .blank: text
        }
    }
}
