/// Placeholder; replaced by the diff work.
enum DiffPlaceholder {}
