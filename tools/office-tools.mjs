/**
 * Where office-addin-debugging can run. It sideloads into desktop Excel on Windows and
 * Mac and into Excel on the web; it is an optional dependency because one of its native
 * dependencies (a credential store) does not build on every Linux machine, and Linux has
 * no desktop Excel to sideload into anyway.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

export const DEBUGGING_BIN = path.join(
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging',
);

export function hasOfficeDebugging() {
  return existsSync(DEBUGGING_BIN);
}

export function hasDesktopExcel() {
  return process.platform === 'win32' || process.platform === 'darwin';
}

/** Runs office-addin-debugging with the given arguments, inheriting the terminal. */
export function runOfficeDebugging(args) {
  return new Promise((resolve) => {
    const child = spawn(DEBUGGING_BIN, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
