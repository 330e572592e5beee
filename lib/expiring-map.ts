/**
 * A bounded map whose entries each hold until a time of their own (epoch ms, inclusive): what
 * the gateway and the subgraphs remember of verified tokens, keyed by the token's exact text.
 * When full, the oldest entry goes first (Maps iterate in insertion order).
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly max: number) {}

  /** The value of `key` while `now` is at most its `until`; an expired entry is dropped. */
  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now <= entry.until) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, until: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until });
  }
}
