"""Stage 3, rules: a document's text to its figures (mentions, units, labels, qualifiers,
bases, periods, ties, programmes, metrics, identity, de-duplication); pure functions."""
