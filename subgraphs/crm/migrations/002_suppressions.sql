-- Suppressions: CRM's projection of campaigns' UNSUBSCRIBED and BOUNCED events, fed from the
-- engagement feed through the graph. A customer may be targeted on a channel only with a
-- granted consent recorded after the latest suppression on that channel.
CREATE TABLE suppressions (
  customer_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'PHONE')),
  reason text NOT NULL CHECK (reason IN ('UNSUBSCRIBED', 'BOUNCED')),
  occurred_at timestamptz NOT NULL,
  -- The campaign whose event caused it.
  source text NOT NULL,
  PRIMARY KEY (customer_id, channel, reason)
);

-- How far each projection has followed its feed.
CREATE TABLE feed_positions (
  feed text PRIMARY KEY,
  position bigint NOT NULL
);
