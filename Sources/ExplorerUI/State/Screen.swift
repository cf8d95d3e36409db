/// The full-screen view on top.
public enum Screen: Sendable, Equatable { case browse, compare(left: String, right: String) }
