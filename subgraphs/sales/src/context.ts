import type { ResolverContext } from '../../kit/src/server.ts';
import type { Loaders } from './loaders.ts';

export type Context = ResolverContext<Loaders>;
