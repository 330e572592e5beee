/** Builds an element; strings become text nodes, so data is never parsed as HTML. */
export function h(
  tag: string,
  attrs: Record<string, string> = {},
  ...children: (Node | string | number | null | undefined)[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A definition-list row whose value carries a test id. */
export function field(label: string, testId: string, value: Node | string | number): HTMLElement[] {
  return [h('dt', {}, label), h('dd', { 'data-testid': testId }, value)];
}

export function table(headers: string[], rows: (Node | string | number)[][], testId: string): HTMLElement {
  return h(
    'table',
    { 'data-testid': testId },
    h('thead', {}, h('tr', {}, ...headers.map((name) => h('th', {}, name)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

export const money = (m: { amount: string; currency: string }): string => `${m.amount} ${m.currency}`;
export const moneyList = (list: { amount: string; currency: string }[]): string => (list.length ? list.map(money).join(', ') : '0');
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
export const day = (instant: string): string => instant.slice(0, 10);
