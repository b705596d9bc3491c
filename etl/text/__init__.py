"""Stage 1, text: report files to documents (the folder and its manifest, decoding,
normalising) and the pieces every later stage reads: sentences and numerals."""
