/// Placeholder; replaced by the access analysis helper.
enum AccessAnalysisPlaceholder {}
