import { AllyGraphError, CampaignFunnelDocument, CampaignListDocument, createClient } from '../../../client/src/index.ts';
import { renderCustomer } from './customer.ts';
import { renderFunnel } from './funnel.ts';
import { h } from './dom.ts';
import './style.css';

// The gateway: ?gateway=URL wins, then VITE_GATEWAY_URL at build time, then npm start's default.
const params = new URLSearchParams(location.search);
const gatewayUrl = params.get('gateway') ?? import.meta.env.VITE_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
// The caller's token (what it may read depends on its roles): ?token= or the field, kept for the tab.
let token = params.get('token') ?? sessionStorage.getItem('allygraph-token') ?? '';
const graph = createClient({ url: gatewayUrl, headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}) });

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
byId('gateway-url').textContent = gatewayUrl;
byId<HTMLInputElement>('token').value = token;
byId<HTMLFormElement>('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token = byId<HTMLInputElement>('token').value.trim();
  sessionStorage.setItem('allygraph-token', token);
  location.reload();
});

/** Shows `work`'s result in `target`, or the error the client reports, with its code. */
async function show(target: HTMLElement, work: () => Promise<Node>): Promise<void> {
  target.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    target.replaceChildren(await work());
  } catch (err) {
    const message = err instanceof AllyGraphError ? `${err.code ?? err.kind}: ${err.message}` : String(err);
    target.replaceChildren(h('p', { class: 'error', role: 'alert', 'data-testid': 'error' }, message));
  }
}

byId<HTMLFormElement>('customer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = byId<HTMLInputElement>('customer-key').value.trim();
  void show(byId('customer'), async () => {
    const customer = key.includes('@') ? await graph.customer360ByEmail(key) : await graph.customer360ById(key);
    return customer ? renderCustomer(customer) : h('p', { 'data-testid': 'not-found' }, `No customer ${key}.`);
  });
});

byId<HTMLFormElement>('campaign-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = byId<HTMLSelectElement>('campaign-id').value;
  void show(byId('funnel'), async () => {
    const { campaign } = await graph.execute(CampaignFunnelDocument, { id });
    return campaign ? renderFunnel(campaign) : h('p', { 'data-testid': 'not-found' }, `No campaign ${id}.`);
  });
});

// The campaign picker, filled once; the page marks itself ready for tests and users alike.
void show(byId('funnel'), async () => {
  const { campaigns } = await graph.execute(CampaignListDocument, {});
  byId('campaign-id').replaceChildren(
    ...campaigns.edges.map(({ node }) => h('option', { value: node.id }, `${node.name} (${node.channel}, ${node.status})`)),
  );
  document.body.dataset.ready = 'true';
  return h('p', {}, `${campaigns.edges.length} campaigns; pick one.`);
});
