-- CRM: customers, segments, consent, satisfaction. Employee ids reference HR by value only.
CREATE TABLE segments (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT ''
);

CREATE TABLE customers (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL UNIQUE,
  phone text,
  address text,
  country char(2) NOT NULL,
  segment_id text REFERENCES segments(id),
  lifecycle_stage text NOT NULL CHECK (lifecycle_stage IN ('LEAD', 'PROSPECT', 'CUSTOMER', 'CHURNED')),
  account_manager_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_segment_idx ON customers (segment_id);
CREATE INDEX customers_account_manager_idx ON customers (account_manager_id, id);
CREATE INDEX customers_created_idx ON customers (created_at, id);
CREATE INDEX customers_last_name_idx ON customers (last_name, id);

CREATE TABLE consents (
  customer_id text NOT NULL REFERENCES customers(id),
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'PHONE')),
  granted boolean NOT NULL,
  source text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, channel)
);

CREATE TABLE satisfaction_responses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_key text NOT NULL UNIQUE,
  customer_id text NOT NULL REFERENCES customers(id),
  kind text NOT NULL CHECK (kind IN ('NPS', 'CSAT')),
  score integer NOT NULL,
  comment text,
  responded_at timestamptz NOT NULL,
  CHECK ((kind = 'NPS' AND score BETWEEN 0 AND 10) OR (kind = 'CSAT' AND score BETWEEN 1 AND 5))
);
CREATE INDEX satisfaction_customer_idx ON satisfaction_responses (customer_id, responded_at DESC);
