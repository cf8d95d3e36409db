import FoundationEssentials
import Glibc

/// Cuts a stream of byte chunks into lines: at LF, with a CR before it dropped, each
/// line at most `maximum` bytes (backed off to the start of a UTF-8 sequence rather
/// than cut inside one). A line inside one chunk is handed on in place; only a line
/// that spans two chunks is copied, into a carry buffer of at most `maximum + 2`
/// bytes, so memory is the chunk and the longest line kept, whatever the input.
struct LineSplitter {
    typealias Emit = (Span<UInt8>, Int) throws -> Void

    let maximum: Int
    /// The start of a line that the chunk ended inside.
    private var carry: [UInt8] = []
    /// Inside a line that was already cut and handed on: its rest is skipped up to the next LF.
    private var skipping = false
    private(set) var lines = 0
    private(set) var cutLines = 0

    init(maximum: Int) {
        precondition(maximum > 0, "a line needs room for at least one byte")
        self.maximum = maximum
        carry.reserveCapacity(maximum + 2)
    }

    /// Splits `chunk`, handing on every line it completes.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: Emit) rethrows {
        guard let base = chunk.baseAddress else { return }
        let count = chunk.count
        var position = 0
        while position < count {
            let rest = count - position
            let found = memchr(base + position, 0x0A, rest).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            if skipping {
                guard let newline = found else { return }
                skipping = false
                position = newline + 1
                continue
            }
            guard let newline = found else {
                // The line goes on in the next chunk: keep what can still matter.
                let room = maximum + 2 - carry.count
                carry.append(contentsOf: UnsafeBufferPointer(start: base + position, count: min(room, rest)))
                if carry.count >= maximum + 2 {
                    // At least maximum + 1 bytes before any final CR: the line is cut, whatever follows.
                    let kept = carry
                    try kept.withUnsafeBufferPointer { try emitPrefix(of: $0, cut: true, emit) }
                    carry.removeAll(keepingCapacity: true)
                    skipping = true
                }
                return
            }
            let segment = UnsafeBufferPointer(start: base + position, count: newline - position)
            if carry.isEmpty {
                try emitLine(segment, emit)
            } else {
                let room = maximum + 2 - carry.count
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: segment.prefix(room)))
                // A cut segment is longer than maximum + 1 bytes, which is all the test below needs to see.
                let joined = carry
                carry.removeAll(keepingCapacity: true)
                try joined.withUnsafeBufferPointer { try emitLine($0, emit) }
            }
            position = newline + 1
        }
    }

    /// The input has ended: a last line without a line break is handed on.
    mutating func finish(_ emit: Emit) rethrows {
        let last = carry, wasSkipping = skipping
        carry.removeAll(keepingCapacity: true)
        skipping = false
        guard !wasSkipping, !last.isEmpty else { return }
        try last.withUnsafeBufferPointer { try emitLine($0, emit) }
    }

    /// One whole line without its LF (it may still end in CR).
    private mutating func emitLine(_ line: UnsafeBufferPointer<UInt8>, _ emit: Emit) rethrows {
        var length = line.count
        if length > 0, line[length - 1] == 0x0D { length -= 1 }
        try emitPrefix(of: UnsafeBufferPointer(rebasing: line.prefix(length)), cut: length > maximum, emit)
    }

    private mutating func emitPrefix(of line: UnsafeBufferPointer<UInt8>, cut: Bool, _ emit: Emit) rethrows {
        lines += 1
        var end = min(line.count, maximum)
        if cut {
            cutLines += 1
            // Back off to the start of a UTF-8 sequence rather than cut one (as ReplyParser does).
            while end > 0, end < line.count, line[end] & 0xC0 == 0x80 { end -= 1 }
        }
        try emit(UnsafeBufferPointer(rebasing: line.prefix(end)).span, lines)
    }
}
