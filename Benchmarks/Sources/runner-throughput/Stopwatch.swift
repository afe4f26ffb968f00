#if canImport(Glibc)
import Glibc
#endif

/// Wall time and the whole process's CPU time (user and system, every
/// thread: the client's, the transport's and the in-process server's).
struct Stopwatch {
    /// What a timed piece of work took, in seconds.
    struct Reading {
        /// Wall-clock seconds.
        let wall: Double
        /// CPU seconds of the process, all threads.
        let cpu: Double
    }

    /// Times `work`, returning its value and the reading.
    static func time<T>(_ work: () async -> T) async -> (value: T, reading: Reading) {
        let cpuStart = cpuSeconds()
        let start = ContinuousClock.now
        let value = await work()
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (value, Reading(wall: wall, cpu: cpuSeconds() - cpuStart))
    }

    /// The process's CPU time so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        _ = getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
