// Aspects on a single unit: the same run as an infrastructure of that unit alone.

extension SynthesisUnit {
    /// Synthesizes this unit (and the units it depends on) after `aspects` visited them, as an
    /// ``Infrastructure`` of this unit alone would.
    ///
    /// ```swift
    /// let result = stack.synthesize(aspects: [NamingConvention.terraformSnakeCase()])
    /// ```
    public func synthesize(options: SynthesisOptions = SynthesisOptions(), aspects: [any Aspect]) -> SynthesisResult {
        var infrastructure = Infrastructure(units: [self])
        infrastructure.aspects = aspects.map { ScopedAspect(any: $0, scope: .root) }
        return infrastructure.synthesize(options: options)
    }
}
