-- A/B arms and variant funnels (unique customers per variant and type): read from this index
-- alone instead of scanning every event. Events without a variant are never looked up by it.
CREATE INDEX events_variant_idx ON events (variant_id, type, customer_id) WHERE variant_id IS NOT NULL;

-- Attribution touches (touchesForOrders, touchesInRange): a customer's OPENED, CLICKED and
-- CONVERTED events in a time window, with every column they return, so the join reads this
-- (about a fifth of the events) instead of the whole table. The predicate is written exactly
-- as the queries write it, so the planner can prove the index applies.
CREATE INDEX events_touch_idx ON events (customer_id, occurred_at) INCLUDE (id, type, campaign_id, variant_id)
  WHERE type IN ('OPENED', 'CLICKED', 'CONVERTED');
