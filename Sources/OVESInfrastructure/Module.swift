// Placeholder until this module lands; see Documentation/Architecture.md.
