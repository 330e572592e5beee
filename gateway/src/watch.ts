import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';

/**
 * Follows a supergraph file: when its content changes, `reload` swaps it in; one that does not
 * load is reported and the previous keeps serving. Polls (`intervalMs`), which also sees the
 * atomic symlink swaps of a Kubernetes ConfigMap. Returns a stop function.
 */
export function watchSupergraph(
  path: string,
  intervalMs: number,
  current: string,
  reload: (sdl: string) => Promise<void>,
  log: (event: { msg: string; path: string; error?: string }) => void,
): () => void {
  let serving = current;
  let busy = Promise.resolve();
  const check = () => {
    busy = busy.then(async () => {
      let sdl: string;
      try {
        sdl = await readFile(path, 'utf8');
      } catch (err) {
        log({ msg: 'supergraph file unreadable; still serving the previous one', path, error: (err as Error).message });
        return;
      }
      if (sdl === serving) return;
      try {
        await reload(sdl);
        serving = sdl;
        log({ msg: 'supergraph reloaded', path });
      } catch (err) {
        serving = sdl; // do not retry the same bad content every tick
        log({ msg: 'supergraph rejected; still serving the previous one', path, error: (err as Error).message });
      }
    });
  };
  watchFile(path, { interval: intervalMs, persistent: false }, check);
  return () => unwatchFile(path, check);
}
