import FeedbackConformance
import Synchronization

/// The run-wide secret filter, shared by every place the tool writes to:
/// standard output (``OutputSink``), standard error (``ToolIO/error(_:)``),
/// and the files it writes (reports, recordings, matrices). Each of them
/// applies it to the final text it is handed, just before the bytes go out,
/// so the filter comes after every escape, removal and cut, whatever the
/// caller did, and no caller has to remember it.
///
/// It filters nothing until a command knows its run's secrets and calls
/// ``use(_:)`` (lint and `vectors` never do: they show the user's own input
/// and the vectors, which `vectors show` withholds itself).
package final class OutputFilter: Sendable {
    private let redactor = Mutex<Redactor?>(nil)

    /// A filter that filters nothing yet.
    package init() {}

    /// Filters every text written from now on with `redactor`
    /// (``Redactor/redacted(_:)``).
    package func use(_ redactor: Redactor) {
        self.redactor.withLock { $0 = redactor }
    }

    /// Whether a redactor is in use.
    var isActive: Bool { redactor.withLock { $0 != nil } }

    /// `text` as it may leave the process.
    package func apply(_ text: String) -> String {
        guard let redactor = redactor.withLock({ $0 }) else { return text }
        return redactor.redacted(text)
    }
}
