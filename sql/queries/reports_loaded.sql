-- Which reports are loaded, what year does each review, and how many figures and catalogued metrics did each give?
select doc_id, publisher, published_on, report_year, encoding, n_figures, n_targets, n_catalogued
from v1.sources
order by publisher, report_year, doc_id;
