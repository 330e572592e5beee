-- Conversions: campaigns' own projection of sales' orders (id, customer, time, total,
-- cancelled, direct source), fed from sales' order feed through the graph. Attribution
-- joins it with touches here, so no subgraph reads another department's tables.
CREATE TABLE conversions (
  order_id text PRIMARY KEY,
  customer_id text NOT NULL,
  placed_at timestamptz NOT NULL,
  currency char(3) NOT NULL,
  total_minor bigint NOT NULL CHECK (total_minor >= 0),
  cancelled boolean NOT NULL,
  source_campaign_id text,
  -- Position in sales' order feed of the write this row reflects; older writes never win.
  feed_position bigint NOT NULL
);
CREATE INDEX conversions_placed_idx ON conversions (placed_at);
CREATE INDEX conversions_customer_idx ON conversions (customer_id, placed_at);

-- How far each projection has followed its feed.
CREATE TABLE feed_positions (
  feed text PRIMARY KEY,
  position bigint NOT NULL
);
