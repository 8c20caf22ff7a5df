// The vocabulary of the generated `checkedFields` table (`Generated/CheckedFields.swift`):
// which fields of which types field validation follows in a rendered object, and what it
// finds there (a quantity, a nested type, an array or map of them, a version-dependent field).

/// How the value of a checked field is laid out in the rendered object.
indirect enum CheckedShape: Sendable {
    /// A `Quantity`, rendered as its text.
    case quantity
    /// A generated type with checked fields of its own (its name in `checkedFields`).
    case object(String)
    /// An array whose elements have the inner shape.
    case array(CheckedShape)
    /// A string-keyed map whose values have the inner shape.
    case map(CheckedShape)
    /// Anything else: the field is checked only for being set (see ``CheckedField/missingIn``).
    case other
}

/// One field of a generated type that field validation follows.
struct CheckedField: Sendable {
    /// The JSON key (also the Swift property name).
    let name: String
    /// What the field holds.
    let shape: CheckedShape
    /// Supported Kubernetes versions whose schema lacks the field (usually empty).
    let missingIn: [String]

    init(_ name: String, _ shape: CheckedShape, missingIn: [String] = []) {
        self.name = name
        self.shape = shape
        self.missingIn = missingIn
    }
}
