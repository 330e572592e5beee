import type { Customer360 } from '../../../client/src/index.ts';
import { day, field, h, money, moneyList, table } from './dom.ts';

/** The joined customer view: one card per department's contribution. */
export function renderCustomer(c: Customer360): HTMLElement {
  const manager = c.accountManager;
  return h(
    'article',
    { class: 'customer', 'data-testid': 'customer-360' },
    h('h3', { 'data-testid': 'customer-name' }, `${c.firstName} ${c.lastName}`),
    h(
      'div',
      { class: 'cards' },
      card(
        'CRM',
        ...field('Email', 'customer-email', c.email),
        ...field('Country', 'customer-country', c.country),
        ...field('Lifecycle', 'customer-lifecycle', c.lifecycleStage),
        ...field('Segment', 'customer-segment', c.segment?.name ?? '—'),
        ...field('Consents', 'customer-consents', c.consents.map((k) => `${k.channel} ${k.granted ? '✓' : '✗'}`).join(' · ') || '—'),
        ...field('Latest NPS', 'customer-nps', c.latestNps ? `${c.latestNps.score} (${day(c.latestNps.respondedAt)})` : '—'),
      ),
      card(
        'HR',
        ...field('Account manager', 'customer-manager', manager ? `${manager.name}, ${manager.title}` : '—'),
      ),
      card(
        'Sales',
        ...field('Orders', 'customer-orders', c.orderCount),
        ...field('Lifetime value', 'customer-ltv', moneyList(c.lifetimeValue)),
      ),
      card(
        'Campaigns',
        ...field('Engagement score', 'customer-engagement', c.engagement.score),
        ...field('Last touch', 'customer-last-touch', c.engagement.lastTouchAt ? day(c.engagement.lastTouchAt) : '—'),
      ),
    ),
    h('h4', {}, 'Recent orders'),
    table(
      ['Order', 'Status', 'Total', 'Placed', 'Campaign'],
      c.orders.map((o) => [o.id, o.status, money(o.total), day(o.placedAt), o.campaign?.name ?? '—']),
      'customer-recent-orders',
    ),
    h('h4', {}, 'Recent touches'),
    table(
      ['Type', 'When', 'Campaign'],
      c.engagement.touches.map((t) => [t.type, day(t.occurredAt), t.campaign.name]),
      'customer-recent-touches',
    ),
  );
}

function card(title: string, ...rows: HTMLElement[]): HTMLElement {
  return h('section', { class: 'card' }, h('h5', {}, title), h('dl', {}, ...rows));
}
