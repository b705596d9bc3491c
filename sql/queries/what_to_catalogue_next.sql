-- Which words before a number recur most among figures no metric matches yet: what should the catalog learn next?
select label, n_figures, n_documents, units, example_surface
from v1.uncatalogued
where label <> ''
order by n_figures desc, n_documents desc, label
limit 10;
