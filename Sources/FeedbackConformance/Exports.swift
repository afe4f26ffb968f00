// One import for checking an implementation: the rules, the wire types,
// the vectors and SigV4 come with the judges.
@_exported import FeedbackRules
@_exported import FeedbackSigning
@_exported import FeedbackVectors
@_exported import FeedbackWire
