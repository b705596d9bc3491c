-- core.documents: every loaded report, one row each, with the normalised text that all figure offsets point into.
-- extraction_key and the file's stamp (size, modification time) let a refresh reuse a document without reading it again.
create table core.documents (
    doc_id varchar primary key,
    file varchar not null,
    title varchar,
    publisher varchar,
    published_on date,
    report_year integer,
    report_year_inferred boolean not null,
    sha256 varchar not null,
    encoding varchar not null,
    n_chars integer not null,
    text varchar not null,
    extraction_key varchar not null,
    file_size bigint,  -- the file's size and modification time as it was read:
    file_mtime_ns bigint  -- a refresh hashes only files whose stamp changed
);
