/// The explorer's only state transition: pure and total, so any key sequence can be
/// replayed in a test and every screen follows from the state alone. What the loop
/// must do besides drawing (quit, repaint, search when typing pauses) comes back as
/// an effect instead of being done here. The cases are in `AppState.apply`.
public func update(_ state: AppState, _ action: Action) -> (state: AppState, effect: Effect?) {
    var next = state
    let effect = next.apply(action)
    return (next, effect)
}
