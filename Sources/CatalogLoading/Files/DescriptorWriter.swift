import Glibc

/// Writes bytes whole to a file descriptor: again after a signal (EINTR) or a partial write.
/// The one such loop for Swift code: the commands' output (`Output`) and the catalog snapshot's
/// file both use it. (The terminal backend writes through its C shim, `smtp_write_bytes`,
/// which its signal handlers can call too.)
public enum DescriptorWriter {
    /// nil when every byte was written, else the `errno` of the failure (EIO when the
    /// system wrote nothing without saying why).
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return nil
        }
    }
}
