import { ACCEPTED_PATH, parseAccepted, type AcceptedChange } from './accepted.ts';
import { diffApiSchemas, type ChangeReport } from './diff.ts';
import { gitCommitsTouching, gitShow } from './git.ts';

export const API_PATH = 'schema/api.graphql';

/** One committed version of the API schema with the accepted list of the same commit. */
export interface SchemaVersion {
  sha: string;
  /** null when the commit deleted the file. */
  apiSdl: string | null;
  accepted: AcceptedChange[];
}

export interface HistoryStep {
  from: string;
  to: string;
  report: ChangeReport;
}

/**
 * Checks each version against the previous one with the later commit's accepted list, so a
 * breaking change must have been accepted in the commit that made it.
 */
export function checkVersions(versions: SchemaVersion[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  let previous: SchemaVersion | undefined;
  for (const version of versions) {
    if (version.apiSdl === null) continue;
    if (previous?.apiSdl) {
      steps.push({ from: previous.sha, to: version.sha, report: diffApiSchemas(previous.apiSdl, version.apiSdl, version.accepted) });
    }
    previous = version;
  }
  return steps;
}

/** Every committed version of schema/api.graphql, oldest first: one git log, two git show each. */
export async function loadVersions(cwd: string): Promise<SchemaVersion[]> {
  const versions: SchemaVersion[] = [];
  for (const sha of await gitCommitsTouching(cwd, API_PATH)) {
    const [apiSdl, acceptedJson] = await Promise.all([gitShow(cwd, sha, API_PATH), gitShow(cwd, sha, ACCEPTED_PATH)]);
    const accepted = acceptedJson === null ? [] : parseAccepted(acceptedJson, `${sha}:${ACCEPTED_PATH}`);
    versions.push({ sha, apiSdl, accepted });
  }
  return versions;
}
