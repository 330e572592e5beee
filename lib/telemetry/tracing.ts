import { context, propagation, ROOT_CONTEXT, trace, type Context, type Tracer } from '@opentelemetry/api';

/**
 * OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. Call sites use only
 * @opentelemetry/api and check `tracingEnabled()` first; the SDK and the OTLP exporter are
 * imported (dynamically) by `startTracing` alone, so a process without the variable never
 * loads them.
 *
 * One tracer provider per process (the global one): `npm start` runs the gateway and the
 * four subgraphs in one process, so their spans share its `service.name` and tell each other
 * apart by span name and the `allygraph.component` attribute; deployed apart, each process
 * names itself.
 */

type Env = Record<string, string | undefined>;

export interface TracingSettings {
  /** OTLP/HTTP base URL; spans are POSTed (JSON) to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** `service.name` of this process's spans. */
  serviceName: string;
}

export interface Tracing {
  /** Exports the spans ended so far. */
  flush(): Promise<void>;
  /** Exports what is left and turns tracing off (the API goes back to no-op). */
  shutdown(): Promise<void>;
}

/** Instrumentation scope of every allygraph span. */
export const TRACER_NAME = 'allygraph';

let enabled = false;

/** Whether spans are recorded in this process: false until `startTracing` ran with settings. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** The allygraph tracer (a no-op one while tracing is off). */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/**
 * Reads OTEL_EXPORTER_OTLP_ENDPOINT (an http(s) base URL) and OTEL_SERVICE_NAME (default
 * `defaultServiceName`); null when the endpoint is unset or empty (tracing off). Throws
 * naming the variable when the endpoint is not an http(s) URL.
 */
export function tracingSettings(env: Env, defaultServiceName: string): TracingSettings | null {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint) return null;
  if (!/^https?:\/\/[^/]/.test(endpoint)) throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${env.OTEL_EXPORTER_OTLP_ENDPOINT}"`);
  return { endpoint, serviceName: env.OTEL_SERVICE_NAME?.trim() || defaultServiceName };
}

/**
 * Starts exporting spans over OTLP/HTTP (JSON bodies, batched) and registers the W3C trace
 * context propagator and an AsyncLocalStorage context manager. With null settings it does
 * nothing and returns null. Call it before building servers: they decide at start whether to
 * trace.
 */
export async function startTracing(settings: TracingSettings | null): Promise<Tracing | null> {
  if (!settings) return null;
  if (enabled) throw new Error('tracing is already started in this process');
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${settings.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    // The exporter is typed against @opentelemetry/sdk-trace, the processor against sdk-trace-base: same shape.
    spanProcessors: [new BatchSpanProcessor(exporter as unknown as ConstructorParameters<typeof BatchSpanProcessor>[0])],
  });
  provider.register();
  enabled = true;
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      enabled = false;
      try {
        await provider.shutdown();
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
      }
    },
  };
}

/** The context of an incoming request: its W3C `traceparent`/`tracestate` headers, if any. */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => {
      const value = carrier[key];
      return Array.isArray(value) ? value[0] : value;
    },
  });
}

/** `headers` plus the W3C trace context of `ctx` (`traceparent`, `tracestate`). */
export function withTraceHeaders(ctx: Context, headers: Record<string, string> = {}): Record<string, string> {
  const out = { ...headers };
  propagation.inject(ctx, out);
  return out;
}
