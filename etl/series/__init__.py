"""Stage 4, series: figures lined up across one publisher's report years, by the catalog's
metrics or by what they count, each link with a confidence and a reason."""
