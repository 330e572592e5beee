import { join } from 'node:path';
import type { SubgraphSource } from '../../gateway/src/compose.ts';
import { ACCEPTED_PATH, readAccepted, type AcceptedChange } from './accepted.ts';
import { composeApi } from './compose.ts';
import { diffApiSchemas, type ChangeReport } from './diff.ts';
import { gitShow } from './git.ts';
import { API_PATH } from './history.ts';

export type CheckResult =
  | { status: 'composition-failed'; errors: string[] }
  | { status: 'compared'; ok: boolean; apiSdl: string; hints: string[]; report: ChangeReport };

/** Composes `subgraphs` and compares the API schema with `baseApiSdl` (null: no base). */
export function checkSubgraphs(
  subgraphs: SubgraphSource[],
  baseApiSdl: string | null,
  accepted: AcceptedChange[],
): CheckResult {
  const composition = composeApi(subgraphs);
  if (!composition.ok) return { status: 'composition-failed', errors: composition.errors };
  const report = diffApiSchemas(baseApiSdl, composition.apiSdl, accepted);
  return { status: 'compared', ok: report.breaking.length === 0, apiSdl: composition.apiSdl, hints: composition.hints, report };
}

/** The pre-commit check: working-tree subgraphs against schema/api.graphql at HEAD. */
export async function checkWorkingTree(cwd: string, subgraphs: SubgraphSource[]): Promise<CheckResult> {
  const [base, accepted] = await Promise.all([gitShow(cwd, 'HEAD', API_PATH), readAccepted(join(cwd, ACCEPTED_PATH))]);
  return checkSubgraphs(subgraphs, base, accepted);
}
