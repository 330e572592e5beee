-- Consistency of seeded data across the four departments: every count must be 0.
-- Joins across schemas, so it only runs where all four share one database, e.g.
--   psql "$DATABASE_URL" -f scripts/seed/consistency.sql
SELECT 'orders total != sum(lines)' AS violation, count(*) FROM sales.orders o
  WHERE o.total_minor <> (SELECT sum(quantity*unit_price_minor) FROM sales.order_lines l WHERE l.order_id=o.id)
UNION ALL SELECT 'orders without lines', count(*) FROM sales.orders o WHERE NOT EXISTS (SELECT 1 FROM sales.order_lines l WHERE l.order_id=o.id)
UNION ALL SELECT 'line price != product price', count(*) FROM sales.order_lines l JOIN sales.products p USING (sku) WHERE l.unit_price_minor <> p.price_minor
UNION ALL SELECT 'events outside campaign window', count(*) FROM campaigns.events e JOIN campaigns.campaigns c ON c.id=e.campaign_id WHERE e.occurred_at < c.starts_at OR e.occurred_at > c.ends_at
UNION ALL SELECT 'events on DRAFT campaigns', count(*) FROM campaigns.events e JOIN campaigns.campaigns c ON c.id=e.campaign_id WHERE c.status='DRAFT'
UNION ALL SELECT 'events outside 2025-01-01..2026-06-30', count(*) FROM campaigns.events WHERE occurred_at < '2025-01-01Z' OR occurred_at >= '2026-07-01Z'
UNION ALL SELECT 'orders outside window', count(*) FROM sales.orders WHERE placed_at < '2025-01-01Z' OR placed_at >= '2026-07-01Z'
UNION ALL SELECT 'account manager not SALES', count(*) FROM crm.customers c LEFT JOIN hr.employees e ON e.id=c.account_manager_id WHERE c.account_manager_id IS NOT NULL AND (e.id IS NULL OR e.department<>'SALES')
UNION ALL SELECT 'order campaign missing', count(*) FROM sales.orders o WHERE campaign_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM campaigns.campaigns c WHERE c.id=o.campaign_id)
UNION ALL SELECT 'order customer missing', count(*) FROM sales.orders o WHERE NOT EXISTS (SELECT 1 FROM crm.customers c WHERE c.id=o.customer_id)
UNION ALL SELECT 'event customer missing', count(*) FROM campaigns.events e WHERE NOT EXISTS (SELECT 1 FROM crm.customers c WHERE c.id=e.customer_id)
UNION ALL SELECT 'order rep != account manager', count(*) FROM sales.orders o JOIN crm.customers c ON c.id=o.customer_id WHERE o.sales_rep_id IS DISTINCT FROM c.account_manager_id
UNION ALL SELECT 'campaign order not after its conversion', count(*) FROM sales.orders o WHERE campaign_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM campaigns.events e WHERE e.customer_id=o.customer_id AND e.campaign_id=o.campaign_id AND e.type='CONVERTED' AND e.occurred_at < o.placed_at)
UNION ALL SELECT 'conversions without order', count(*) FROM campaigns.events e WHERE type='CONVERTED' AND NOT EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id=e.customer_id AND o.campaign_id=e.campaign_id)
UNION ALL SELECT 'campaign owner not MARKETING', count(*) FROM campaigns.campaigns c LEFT JOIN hr.employees e ON e.id=c.owner_id WHERE e.department IS DISTINCT FROM 'MARKETING'
UNION ALL SELECT 'campaign segment missing', count(*) FROM campaigns.campaigns c WHERE NOT EXISTS (SELECT 1 FROM crm.segments s WHERE s.id=c.segment_id)
UNION ALL SELECT 'spend > budget', count(*) FROM campaigns.campaigns WHERE spend_minor > budget_minor
UNION ALL SELECT 'campaign window outside', count(*) FROM campaigns.campaigns WHERE starts_at < '2025-01-01Z' OR ends_at >= '2026-07-01Z'
UNION ALL SELECT 'variant inconsistent per customer+campaign', count(*) FROM (SELECT customer_id, campaign_id FROM campaigns.events GROUP BY 1,2 HAVING count(DISTINCT coalesce(variant_id,'-'))>1) x
UNION ALL SELECT 'variant null on campaign with variants', count(*) FROM campaigns.events e WHERE variant_id IS NULL AND EXISTS (SELECT 1 FROM campaigns.variants v WHERE v.campaign_id=e.campaign_id)
UNION ALL SELECT 'variant of another campaign', count(*) FROM campaigns.events e JOIN campaigns.variants v ON v.id=e.variant_id WHERE v.campaign_id<>e.campaign_id
UNION ALL SELECT 'campaigns with variants but no single control', count(*) FROM (SELECT campaign_id FROM campaigns.variants GROUP BY 1 HAVING count(*) FILTER (WHERE is_control)<>1) x
UNION ALL SELECT 'funnel not strictly increasing', count(*) FROM (SELECT occurred_at <= lag(occurred_at) OVER (PARTITION BY customer_id, campaign_id ORDER BY occurred_at, id) AS bad FROM campaigns.events) x WHERE bad
UNION ALL SELECT 'funnel without SENT first', count(*) FROM (SELECT DISTINCT ON (customer_id, campaign_id) type FROM campaigns.events ORDER BY customer_id, campaign_id, occurred_at) x WHERE type<>'SENT'
UNION ALL SELECT 'sales rep without manager', count(*) FROM hr.employees e WHERE e.department='SALES' AND e.title LIKE '%Account Executive' AND NOT EXISTS (SELECT 1 FROM hr.employees m WHERE m.id=e.manager_id AND m.title='Sales Manager')
UNION ALL SELECT 'employees without manager, beyond the one CEO', count(*) - 1 FROM hr.employees WHERE manager_id IS NULL
UNION ALL SELECT 'SALES employees missing a quota period', count(*) FROM hr.employees e CROSS JOIN (VALUES ('2025-Q1'),('2025-Q2'),('2025-Q3'),('2025-Q4'),('2026-Q1'),('2026-Q2')) p(period) WHERE e.department='SALES' AND NOT EXISTS (SELECT 1 FROM hr.quotas q WHERE q.employee_id=e.id AND q.period=p.period)
UNION ALL SELECT 'managed employees without review', count(*) FROM hr.employees e WHERE manager_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM hr.reviews r WHERE r.employee_id=e.id)
UNION ALL SELECT 'review by non-manager', count(*) FROM hr.reviews r JOIN hr.employees e ON e.id=r.employee_id WHERE r.reviewer_id IS DISTINCT FROM e.manager_id
UNION ALL SELECT 'reviews outside window', count(*) FROM hr.reviews WHERE reviewed_at < '2025-01-01Z' OR reviewed_at >= '2026-07-01Z'
UNION ALL SELECT 'emails not lower-case', count(*) FROM crm.customers WHERE email <> lower(email)
UNION ALL SELECT 'responses outside window', count(*) FROM crm.satisfaction_responses WHERE responded_at < '2025-01-01Z' OR responded_at >= '2026-07-01Z';
