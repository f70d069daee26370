/**
 * Running office-addin-debugging, the tool that sideloads into desktop Excel (Windows,
 * Mac) and Excel on the web. It is not a dependency of this package: with its native
 * credential store (keytar, which needs libsecret to build on Linux) it is over 400
 * packages that only `npm start`/`npm stop` on a machine with Excel ever use, and a
 * production install (`npm install --omit=dev`) should not carry them. So it runs on
 * demand through `npx --yes` at a pinned version (downloaded once into npm's cache); a
 * copy installed in node_modules by hand is used instead when there is one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

/** The pinned version `npx` fetches; change it here only. */
export const OFFICE_DEBUGGING_PACKAGE = 'office-addin-debugging@7.0.0';

const WINDOWS = process.platform === 'win32';

export const LOCAL_DEBUGGING_BIN = path.join(
  'node_modules',
  '.bin',
  WINDOWS ? 'office-addin-debugging.cmd' : 'office-addin-debugging',
);

export function hasLocalOfficeDebugging() {
  return existsSync(LOCAL_DEBUGGING_BIN);
}

/** Whether the tool can run here: installed locally, or fetchable by npx. */
export function hasOfficeDebugging() {
  if (hasLocalOfficeDebugging()) return true;
  const npx = spawnSync(WINDOWS ? 'npx.cmd' : 'npx', ['--version'], { stdio: 'ignore', shell: WINDOWS });
  return npx.status === 0;
}

export function hasDesktopExcel() {
  return process.platform === 'win32' || process.platform === 'darwin';
}

/** The command line that runs the tool with `args`. */
export function officeDebuggingCommand(args) {
  if (hasLocalOfficeDebugging()) return { command: LOCAL_DEBUGGING_BIN, args };
  return { command: WINDOWS ? 'npx.cmd' : 'npx', args: ['--yes', OFFICE_DEBUGGING_PACKAGE, ...args] };
}

/** Runs office-addin-debugging with the given arguments, inheriting the terminal. */
export function runOfficeDebugging(args) {
  const { command, args: argv } = officeDebuggingCommand(args);
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: 'inherit', shell: WINDOWS });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
