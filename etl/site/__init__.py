"""Stage 7, site: the static HTML site of the warehouse (`make report`): pages built as strings from
the rows of the views, then written into a folder that opens from disk."""
