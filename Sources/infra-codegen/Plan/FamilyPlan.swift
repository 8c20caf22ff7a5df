// Placeholder; replaced below.
extension Generator {
    func familyFiles() throws -> [String: String] { [:] }
    func packageBlock() throws -> String? { nil }
}
