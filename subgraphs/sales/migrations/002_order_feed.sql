-- The order feed: every order gets a position that grows with each write, so departments
-- that keep a projection of orders (campaigns' conversions) can follow sales through the
-- graph instead of reading this schema. Writers take an advisory lock before drawing a
-- position, so positions become visible in order and a reader never skips one.
CREATE SEQUENCE order_feed_position;
ALTER TABLE orders ADD COLUMN feed_position bigint;
UPDATE orders SET feed_position = p.position
FROM (SELECT id, row_number() OVER (ORDER BY placed_at, id) AS position FROM orders) p
WHERE p.id = orders.id;
SELECT setval('order_feed_position', greatest((SELECT max(feed_position) FROM orders), 1), (SELECT count(*) > 0 FROM orders));
ALTER TABLE orders ALTER COLUMN feed_position SET DEFAULT nextval('order_feed_position');
ALTER TABLE orders ALTER COLUMN feed_position SET NOT NULL;
CREATE UNIQUE INDEX orders_feed_idx ON orders (feed_position);
