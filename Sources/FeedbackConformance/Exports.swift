// One import for checking an implementation: the rules, the wire types,
// the vectors, SigV4 and what a client adapter reports come with the judges.
@_exported import FeedbackAdapterProtocol
@_exported import FeedbackRules
@_exported import FeedbackSigning
@_exported import FeedbackVectors
@_exported import FeedbackWire
