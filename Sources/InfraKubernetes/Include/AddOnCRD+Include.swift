// An add-on's vendored CRD as manifest content, read like any upstream YAML.

extension AddOnCRD {
    /// The CRD as manifest content (``Include``), named in diagnostics by its vendored path.
    ///
    /// ```swift
    /// Manifest("addon-crds", directory: "kubernetes/_addon-crds") { AddOnCRD.secretProviderClasses.include }
    /// ```
    public var include: Include {
        Include(yaml: yaml, source: "codegen/kubernetes/crds/upstream/\(rawValue)")
    }
}
