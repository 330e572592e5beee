export { createClient } from './client.ts';
export type {
  AllyGraphClient,
  AudienceConnection,
  AudienceMember,
  AudienceVariables,
  CampaignPerformanceConnection,
  CampaignPerformanceVariables,
  ClientOptions,
  Customer360,
} from './client.ts';
export { AllyGraphError, type AllyGraphErrorKind } from './errors.ts';
export * from './__generated__/graphql.ts';
