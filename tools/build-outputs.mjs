/**
 * The files the production build puts in dist/, in one place: webpack.config.js uses it
 * to emit them and the manifest check uses it to prove every manifest URL resolves.
 */
export const DEV_BASE_URL = 'https://localhost:3000/';

export const PAGES = [
  { filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['taskpane', 'functions'] },
  { filename: 'commands.html', template: './taskpane/commands.html', chunks: ['commands'] },
];

export const ENTRIES = {
  taskpane: './taskpane/index.tsx',
  functions: './functions/functions.ts',
  commands: './taskpane/commands.ts',
};

export const ICON_SIZES = [16, 32, 64, 80, 128];

/** Every path (relative to dist/) the build is expected to produce. */
export function expectedOutputs() {
  return [
    ...PAGES.map((p) => p.filename),
    ...Object.keys(ENTRIES).map((name) => `${name}.js`),
    'functions.json',
    'manifest.xml',
    'help/functions.html',
    ...ICON_SIZES.map((s) => `assets/icon-${s}.png`),
  ];
}

/** Base URL for a production build: ADDIN_BASE_URL, normalised to end with one slash. */
export function productionBaseUrl(env = process.env) {
  const raw = env.ADDIN_BASE_URL || DEV_BASE_URL;
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be an https:// URL; got ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The dev server's origin, as an `<AppDomain>` and other origin-only places spell it. */
export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Replaces every occurrence of the dev base URL (not just the first), then every remaining
 * bare dev origin (`<AppDomain>https://localhost:3000</AppDomain>`) by the base URL's origin.
 */
export function rebase(text, baseUrl) {
  return text.split(DEV_BASE_URL).join(baseUrl).split(DEV_ORIGIN).join(new URL(baseUrl).origin);
}
