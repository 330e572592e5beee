-- Campaigns: campaigns, A/B variants, engagement events. Customer, segment and employee ids
-- belong to other departments and are stored by value only.
CREATE TABLE campaigns (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  name text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'PHONE')),
  status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED')),
  currency char(3) NOT NULL,
  budget_minor bigint NOT NULL CHECK (budget_minor >= 0),
  spend_minor bigint NOT NULL DEFAULT 0 CHECK (spend_minor >= 0),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  segment_id text,
  owner_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX campaigns_starts_idx ON campaigns (starts_at, id);
CREATE INDEX campaigns_segment_idx ON campaigns (segment_id);
CREATE INDEX campaigns_owner_idx ON campaigns (owner_id);

CREATE TABLE variants (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  name text NOT NULL,
  is_control boolean NOT NULL,
  UNIQUE (campaign_id, name)
);
CREATE UNIQUE INDEX variants_one_control ON variants (campaign_id) WHERE is_control;

CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_key text NOT NULL UNIQUE,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  variant_id text REFERENCES variants(id),
  customer_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'CONVERTED', 'UNSUBSCRIBED', 'BOUNCED')),
  occurred_at timestamptz NOT NULL
);
CREATE INDEX events_campaign_idx ON events (campaign_id, type, customer_id);
CREATE INDEX events_customer_idx ON events (customer_id, occurred_at DESC);
