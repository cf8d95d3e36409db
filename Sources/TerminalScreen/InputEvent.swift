/// Everything the terminal can tell the program.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// Text the user pasted, exactly as the terminal delivered it (line breaks and all),
    /// which the terminal marked as a paste so that none of it acts as keys.
    case paste(String)
}
