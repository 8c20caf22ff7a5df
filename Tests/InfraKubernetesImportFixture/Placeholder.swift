// Replaced by the generated code.
enum Placeholder {}
