import type { CampaignFunnelQuery, FunnelCountsFragment } from '../../../client/src/index.ts';
import { h, money, percent, table } from './dom.ts';

type Campaign = NonNullable<CampaignFunnelQuery['campaign']>;

const STAGES = ['sent', 'delivered', 'opened', 'clicked', 'converted'] as const;

/** A campaign's funnel as bars (unique customers per stage), its variants and A/B verdict. */
export function renderFunnel(c: Campaign): HTMLElement {
  const top = Math.max(c.funnel.sent, 1);
  return h(
    'article',
    { class: 'funnel', 'data-testid': 'campaign-funnel' },
    h('h3', { 'data-testid': 'campaign-name' }, c.name),
    h('p', {}, `${c.channel} · ${c.status} · spend ${money(c.spend)}`),
    h(
      'div',
      { class: 'bars' },
      ...STAGES.map((stage) =>
        h(
          'div',
          { class: 'bar-row' },
          h('span', { class: 'stage' }, stage),
          h('span', { class: 'bar', style: `width: ${((100 * c.funnel[stage]) / top).toFixed(1)}%` }),
          h('span', { class: 'count', 'data-testid': `funnel-${stage}` }, c.funnel[stage]),
        ),
      ),
    ),
    h('p', { 'data-testid': 'funnel-rates' }, rates(c.funnel)),
    c.variants.length > 0
      ? table(
          ['Variant', ...STAGES, 'conversion'],
          c.variants.map((v) => [`${v.name}${v.isControl ? ' (control)' : ''}`, ...STAGES.map((s) => v.funnel[s]), percent(v.funnel.conversionRate)]),
          'funnel-variants',
        )
      : null,
    c.abTest ? h('p', { 'data-testid': 'ab-verdict' }, `A/B test: ${c.abTest.verdict}`) : null,
  );
}

function rates(f: FunnelCountsFragment): string {
  return `delivery ${percent(f.deliveryRate)} · open ${percent(f.openRate)} · click-through ${percent(f.clickThroughRate)} · conversion ${percent(f.conversionRate)}`;
}
