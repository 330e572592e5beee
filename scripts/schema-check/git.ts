import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// git's wording when the object is absent (file not in that commit, or no commit yet),
// as opposed to real failures such as "not a git repository", which must not pass silently.
const MISSING = /does not exist in|exists on disk, but not in|invalid object name|bad revision/i;

/** `git show <rev>:<path>`; null when that commit has no such file (or there is no commit). */
export async function gitShow(cwd: string, rev: string, path: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['show', `${rev}:${path}`], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    if (MISSING.test(stderr)) return null;
    throw new Error(`git show ${rev}:${path} failed: ${stderr.trim() || (err as Error).message}`);
  }
}

/** The commits that changed `path`, oldest first. */
export async function gitCommitsTouching(cwd: string, path: string): Promise<string[]> {
  try {
    const { stdout } = await run('git', ['log', '--reverse', '--format=%H', '--', path], { cwd });
    return stdout.split('\n').filter((sha) => sha !== '');
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    if (/does not have any commits/.test(stderr)) return [];
    throw new Error(`git log -- ${path} failed: ${stderr.trim() || (err as Error).message}`);
  }
}
