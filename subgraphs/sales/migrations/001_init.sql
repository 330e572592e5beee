-- Sales: products, orders, order lines. Customer, employee and campaign ids belong to other
-- departments and are stored by value only.
CREATE TABLE products (
  sku text PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  currency char(3) NOT NULL,
  price_minor bigint NOT NULL CHECK (price_minor >= 0)
);

CREATE TABLE orders (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  client_key text NOT NULL UNIQUE,
  customer_id text NOT NULL,
  sales_rep_id text,
  campaign_id text,
  status text NOT NULL CHECK (status IN ('PLACED', 'PAID', 'SHIPPED', 'CANCELLED')),
  currency char(3) NOT NULL,
  total_minor bigint NOT NULL CHECK (total_minor >= 0),
  placed_at timestamptz NOT NULL
);
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC);
CREATE INDEX orders_rep_idx ON orders (sales_rep_id, placed_at);
CREATE INDEX orders_campaign_idx ON orders (campaign_id);
CREATE INDEX orders_placed_idx ON orders (placed_at, id);

CREATE TABLE order_lines (
  order_id text NOT NULL REFERENCES orders(id),
  line_no integer NOT NULL,
  sku text NOT NULL REFERENCES products(sku),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  PRIMARY KEY (order_id, line_no)
);
