-- Which reports are loaded, what year does each review, and what text do figure offsets point into?
create or replace view v1.documents as
select
    doc_id,
    title,
    publisher,
    published_on,
    report_year,
    sha256,
    encoding,
    n_chars,
    text
from core.documents;
