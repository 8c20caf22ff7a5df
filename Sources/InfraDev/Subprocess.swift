// Starting the compiler, the linker and the program with `posix_spawn`. Foundation's `Process`
// costs about 50 ms per start on Linux (measured: 53 ms for `/bin/true`), and a rebuild starts
// four programs; here a start costs what the kernel's does.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One program run to its end: its exit status and, when collected, its standard output and error.
enum Subprocess {
    /// Runs `program` (an absolute path) with `arguments` and this process's environment and waits.
    /// With `quiet`, standard output and error go to one pipe, returned as `output`; otherwise they
    /// are this process's. The status is the exit code, or 128 + the signal that ended it.
    static func run(_ program: String, _ arguments: [String], quiet: Bool) throws -> (status: Int32, output: Data) {
        var fds: [Int32] = [-1, -1]
        if quiet {
            guard pipe(&fds) == 0 else {
                throw DevLoopError.cannotRun("\(program): no pipe (\(String(cString: strerror(errno))))")
            }
            // Close-on-exec, so no other program this process starts holds the pipe open.
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            // dup2 clears close-on-exec on the copies; the pipe's own ends close at exec.
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, program, &actions, nil, argv, environ)
        if quiet { close(fds[1]) }
        guard started == 0 else {
            if quiet { close(fds[0]) }
            throw DevLoopError.cannotRun("\(program): \(String(cString: strerror(started)))")
        }
        var output = Data()
        if quiet {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
                if count > 0 {
                    output.append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw DevLoopError.cannotRun("\(program): \(String(cString: strerror(errno)))")
            }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, output)
    }
}
