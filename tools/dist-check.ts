/**
 * Checks of a built dist/ beyond the manifest: a production build must not point at the
 * development server. `localhost` anywhere in a shipped text file (the manifest's
 * AppDomain, functions.json, a page, a bundle) means Office would try to load something
 * from the user's own machine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TEXT = /\.(xml|json|html|js|css|txt|md)$/i;

/** Every file under `dir` (relative paths, '/' separated). */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

/** One problem per text file of `dir` that mentions localhost. */
export function localhostProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const rel of listFiles(dir).filter((f) => TEXT.test(f))) {
    const text = readFileSync(path.join(dir, rel), 'utf8');
    const at = text.search(/localhost/i);
    if (at >= 0) {
      const excerpt = text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ');
      problems.push(`${rel} mentions localhost ("…${excerpt}…"); build with ADDIN_BASE_URL set`);
    }
  }
  return problems;
}
