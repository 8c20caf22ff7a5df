// How many bytes a generated struct takes inline, estimated the way Swift lays structs out on
// 64-bit targets (fields in order, each at its alignment; an optional without spare bits adds a
// tag byte). A small struct nested as an optional field costs its whole width in every value
// that holds it, set or not: `Lifecycle` (two `LifecycleHandler`s, each an `HTTPGetAction` and a
// `TCPSocketAction` inline) made every `Container` 304 bytes wider, though containers rarely
// have one. Types whose inline width passes ``InlineLayout/boxedWidth`` are boxed like the
// types with many fields, so an unset one costs a pointer.

/// The inline widths of a set of generated types, given which are boxed.
package struct InlineLayout {
    /// Size, alignment and whether the value has spare bits (so its optional needs no tag byte).
    package struct Width {
        package var size: Int
        package var alignment: Int
        package var hasSpareBits: Bool
    }

    /// A struct wider than this (bytes) inline is boxed.
    package static let boxedWidth = 96

    /// The types that are boxed: those with `fieldCount` fields or more, and those wider than
    /// ``boxedWidth`` with the types they hold boxed or not, decided from the innermost out.
    package static func boxedTypes(_ models: [TypeModel], fieldCount: Int) -> Set<String> {
        InlineLayout(models: models, fieldCount: fieldCount).boxed
    }

    private static let pointer = Width(size: 8, alignment: 8, hasSpareBits: true)

    let byName: [String: TypeModel]
    /// The boxed types so far.
    package private(set) var boxed: Set<String>
    private var widths: [String: Width] = [:]

    /// The layout of `models`, every one of them laid out (and boxed if it is too wide).
    package init(models: [TypeModel], fieldCount: Int) {
        byName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        boxed = Set(models.filter { $0.fields.count >= fieldCount }.map(\.name))
        for model in models.sorted(by: { $0.name < $1.name }) { _ = width(of: model.name) }
    }

    /// The inline width of the struct `name`: a pointer when it is boxed (which this decides for
    /// a struct wider than ``boxedWidth``) or not generated here.
    package mutating func width(of name: String) -> Width {
        if boxed.contains(name) { return Self.pointer }
        if let known = widths[name] { return known }
        guard let model = byName[name] else { return Self.pointer }
        // A cycle through unboxed types cannot be laid out inline: count it as a pointer.
        widths[name] = Self.pointer
        var size = 0
        var alignment = 1
        var hasSpareBits = false
        for field in model.fields {
            let width = self.width(of: field.type, optional: !field.required)
            size = (size + width.alignment - 1) / width.alignment * width.alignment + width.size
            alignment = max(alignment, width.alignment)
            hasSpareBits = hasSpareBits || width.hasSpareBits
        }
        if size > Self.boxedWidth {
            boxed.insert(name)
            widths[name] = Self.pointer
            return Self.pointer
        }
        let result = Width(size: size, alignment: alignment, hasSpareBits: hasSpareBits)
        widths[name] = result
        return result
    }

    /// The inline width of a field of type `type`.
    mutating func width(of type: FieldType, optional: Bool) -> Width {
        var width: Width
        switch type {
        case .string, .quantity: width = Width(size: 16, alignment: 8, hasSpareBits: true)
        case .int, .double: width = Width(size: 8, alignment: 8, hasSpareBits: false)
        case .bool: width = Width(size: 1, alignment: 1, hasSpareBits: true)
        case .intOrString: width = Width(size: 17, alignment: 8, hasSpareBits: true)
        case .value: width = Width(size: 9, alignment: 8, hasSpareBits: true)
        case .array, .map: width = Width(size: 8, alignment: 8, hasSpareBits: true)
        case .named(let name): width = self.width(of: name)
        }
        // The tag byte's unused values are not spare bits to Swift: `Int??` takes two tag bytes.
        if optional && !width.hasSpareBits { width.size += 1 }
        return width
    }
}
