import manifest from './__generated__/persisted-operations.json' with { type: 'json' };

const hashByText = new Map(Object.entries(manifest).map(([hash, text]) => [text, hash]));

/** The trusted-documents manifest hash of an operation's text, as the gateway knows it. */
export function persistedHash(text: string): string {
  const hash = hashByText.get(text);
  if (!hash) throw new Error('operation is not in persisted-operations.json; run npm run codegen');
  return hash;
}
