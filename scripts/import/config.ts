import { UsageError } from './types.ts';

export interface ImportConfig {
  /** `GATEWAY_URL`: the gateway's GraphQL endpoint (`--gateway` wins). @default http://127.0.0.1:4000/graphql */
  gatewayUrl: string;
  /** `GATEWAY_TOKEN`: bearer token sent to the gateway (`npm run token -- --role it` mints one in development). */
  token: string | undefined;
}

type Env = Record<string, string | undefined>;

/** The only reader of the environment for the import; a bad value is a usage error naming it. */
export function loadImportConfig(env: Env = process.env): ImportConfig {
  return { gatewayUrl: httpUrl('GATEWAY_URL', env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql'), token: env.GATEWAY_TOKEN || undefined };
}

export function httpUrl(name: string, value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`${name} must be an http(s) URL such as http://127.0.0.1:4000/graphql, got "${value}"`);
  }
  return value;
}
