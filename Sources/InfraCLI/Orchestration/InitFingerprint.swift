// When a root needs `terraform init`: no working directory (`.terraform/` or TF_DATA_DIR), no lock
// file, or a change in what init installs or configures — the `terraform` blocks (backend,
// required providers) and `module` calls of the root and of the local modules it calls. The
// fingerprint is that text; it is kept in the root's log folder after each successful init.

import Foundation

/// The text that changes when a root must be initialized again.
enum InitFingerprint {
    /// The fingerprint of `root`, or a text no recorded fingerprint equals when there is no working directory.
    static func make(root: URL, environment: [String: String]) -> String {
        let dataDirectory =
            environment["TF_DATA_DIR"].map { URL(fileURLWithPath: $0, relativeTo: root) }
            ?? root.appendingPathComponent(".terraform")
        guard FileManager.default.fileExists(atPath: dataDirectory.path) else { return "no working directory" }
        var text =
            "lock file: \(FileManager.default.fileExists(atPath: root.appendingPathComponent(".terraform.lock.hcl").path))\n"
        var visited = Set<String>()
        append(folder: root, label: ".", to: &text, visited: &visited)
        return text
    }

    private static func append(folder: URL, label: String, to text: inout String, visited: inout Set<String>) {
        guard visited.insert(folder.standardizedFileURL.path).inserted else { return }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for file in files {
            let url = folder.appendingPathComponent(file)
            if file.hasSuffix(".tf.json") {
                guard let data = FileManager.default.contents(atPath: url.path),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                else {
                    text += "\(label)/\(file): unreadable\n"
                    continue
                }
                for key in ["terraform", "module"] {
                    guard let value = object[key],
                        let canonical = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
                    else { continue }
                    text += "\(label)/\(file) \(key): \(String(decoding: canonical, as: UTF8.self))\n"
                }
                for source in moduleSources(object["module"]) where source.hasPrefix("./") || source.hasPrefix("../") {
                    append(
                        folder: folder.appendingPathComponent(source), label: "\(label)/\(source)", to: &text,
                        visited: &visited)
                }
            } else if file.hasSuffix(".tf") {
                // HCL output (`synth --format hcl`): any change counts.
                text +=
                    "\(label)/\(file): \(String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self))\n"
            }
        }
    }

    /// The `source` of every module call in a `module` value (object form or list form).
    private static func moduleSources(_ value: Any?) -> [String] {
        var calls: [[String: Any]] = []
        if let object = value as? [String: Any] {
            for body in object.values {
                if let one = body as? [String: Any] { calls.append(one) }
                if let many = body as? [[String: Any]] { calls += many }
            }
        } else if let list = value as? [[String: Any]] {
            for entry in list { calls += entry.values.compactMap { $0 as? [String: Any] } }
        }
        return calls.compactMap { $0["source"] as? String }.sorted()
    }
}
