-- The rows etl.series.matching lines series up from: the first figure of each point (point_of.sql), with the words around it.
-- Read into Python in record batches, ordered so that each publisher's figures come together (series never cross publishers).
select
    f.figure_id,
    case when d.publisher is null then f.doc_id end as own_doc,
    d.publisher,
    d.report_year,
    f.unit,
    f.basis,
    f.qualifier = 'per_unit' as per_unit,
    f.is_target,
    f.period_end - f.period_start as span,
    f.program,
    f.metric_id,
    coalesce(m.scope, '') as metric_scope,
    f.label,
    -- the words around the figure: up to 60 characters before it, 24 after
    substr(f.sentence, greatest(f.char_start - f.sentence_start - 60, 0) + 1,
           least(f.char_start - f.sentence_start, 60)) as before,
    substr(f.sentence, f.char_end - f.sentence_start + 1, 24) as after,
    f.value,
    f.period_end as described,  -- the year it describes: two values of one year with one key are two readings
    f.measure,
    f.direction  -- a cut and a rise of one thing are two series, unsigned as they are
from scratch.point_of p
join core.figures f on f.figure_id = p.figure_id
join core.documents d using (doc_id)
left join core.metrics m using (metric_id)
where p.figure_id = p.first_id
order by d.publisher, own_doc, d.report_year, f.figure_id;
