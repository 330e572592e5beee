-- Quota revenue (quotaTotals: a rep's non-cancelled orders in a period, per currency) reads
-- the index alone instead of one heap page per order: orders_rep_idx plus the columns it sums.
-- Same key, so it serves every use of orders_rep_idx, which it replaces.
CREATE INDEX orders_rep_cover_idx ON orders (sales_rep_id, placed_at) INCLUDE (status, currency, total_minor);
DROP INDEX orders_rep_idx;
