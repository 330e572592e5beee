import type { BaseContext } from '@apollo/server';
import type { IncomingHttpHeaders } from 'node:http';
import type { Identity } from './auth/identity.ts';
import type { RequestNote } from './observe.ts';
import type { ResponseHeaders } from './headers.ts';
import type { Replay } from './passthrough.ts';

/** Per-request context of the gateway. */
export interface GatewayContext extends BaseContext {
  /** The verified caller; null for an anonymous request. */
  identity: Identity | null;
  /** Echoed in `x-request-id`, forwarded to subgraphs, and printed with every logged error. */
  requestId: string;
  /** The operation's name once resolved (from the document, not only the request body). */
  operationName: string | null;
  /** The client's request headers (for header propagation rules). */
  requestHeaders: IncomingHttpHeaders;
  /** Subgraph response headers to pass back to the client. */
  responseHeaders: ResponseHeaders;
  /** The signed identity header value for subgraph fetches (signed once per request); null without an internal secret. */
  forwardedIdentity(): string | null;
  /** Facts for the request's access-log line and span (observe.ts); one object shared by Apollo's copies of the context. */
  note?: RequestNote;
  /** Set when authorization removed denied fields from the operation (its plan is not the document's). */
  authorizationFiltered?: boolean;
  /** The passthrough's key of an operation it has not seen yet: the regular path's plan teaches it (passthrough.ts). */
  passthroughKey?: string;
  /** A subgraph fetch the passthrough made but could not answer from: the regular path uses it instead of fetching again. */
  replay?: Replay;
}
