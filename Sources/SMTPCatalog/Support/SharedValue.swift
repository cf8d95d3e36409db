/// An immutable value kept behind one reference, compared and hashed by what it holds.
/// Model types that are copied on every reply (a reason, a rule) keep their fields in one,
/// so that a copy retains one object instead of every string and array they hold.
struct SharedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value { box.value }

    static func == (left: SharedValue, right: SharedValue) -> Bool {
        left.box === right.box || left.box.value == right.box.value
    }

    func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
}
