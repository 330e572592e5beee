/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The gateway's GraphQL endpoint baked in at build time. @default http://127.0.0.1:4000/graphql */
  readonly VITE_GATEWAY_URL?: string;
}
