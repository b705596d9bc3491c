"""Stage 6, exports: reading a built warehouse for people and other tools: the views as CSV, an XLSX
workbook and Parquet, and the ready questions of sql/queries/ as readable tables."""
