/**
 * Offline check of the add-in-only XML manifest. `office-addin-manifest validate` calls a
 * web service this project cannot rely on, so we check what breaks sideloading in
 * practice: well-formed XML, schema element order, resids that resolve, URLs that point
 * at files the build produces, icons that exist with their declared sizes, and no
 * <Namespace> (cells must read =LSTM.STEP exactly).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { imageSize } from 'image-size';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export interface ManifestCheckOptions {
  /** Base URL the manifest's URLs are expected to start with. */
  baseUrl: string;
  /** Whether a path relative to the base URL is produced by the build. */
  fileExists(relativePath: string): boolean;
  /** Bytes of a produced file (for icon sizes); null when it cannot be read. */
  readFile(relativePath: string): Uint8Array | null;
}

/** Child order the Office add-in schemas require, for the elements this manifest uses. */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'AllowSnapshot',
    'VersionOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  'ExtensionPoint:CustomFunctions': ['Script', 'Page', 'Metadata', 'Namespace'],
  Group: ['Label', 'Icon', 'Control'],
  'Control:Button': ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  'Action:ShowTaskpane': ['TaskpaneId', 'SourceLocation'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};

const REQUIRED_SETS: Record<string, string> = { SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2' };

function toNodes(raw: unknown[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const entry of raw as Record<string, unknown>[]) {
    const name = Object.keys(entry).find((k) => k !== ':@');
    if (!name || name === '?xml') continue;
    if (name === '#text') continue;
    const attrs = (entry[':@'] as Record<string, string>) ?? {};
    const kids = entry[name] as unknown[];
    const text = (kids as Record<string, unknown>[])
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('')
      .trim();
    out.push({ name, attrs, children: toNodes(kids), text });
  }
  return out;
}

function walk(node: XmlNode, visit: (n: XmlNode, path: string) => void, path = ''): void {
  const here = path ? `${path}/${node.name}` : node.name;
  visit(node, here);
  for (const c of node.children) walk(c, visit, here);
}

function orderKey(node: XmlNode): string {
  const type = node.attrs['xsi:type'];
  return type && ORDER[`${node.name}:${type}`] ? `${node.name}:${type}` : node.name;
}

function versionAtLeast(actual: string, wanted: string): boolean {
  const a = actual.split('.').map(Number);
  const w = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, w.length); i++) {
    const d = (a[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export function checkManifest(xml: string, opts: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`manifest is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });
  const roots = toNodes(parser.parse(xml) as unknown[]);
  const app = roots.find((n) => n.name === 'OfficeApp');
  if (!app) return ['root element must be <OfficeApp>'];

  const ids = new Map<string, string>();
  const residUses: { resid: string; path: string }[] = [];
  const urls: { url: string; path: string; size?: number }[] = [];

  walk(app, (node, path) => {
    const order = ORDER[orderKey(node)];
    if (order) {
      let last = -1;
      for (const child of node.children) {
        const idx = order.indexOf(child.name);
        if (idx === -1) {
          problems.push(`${path}: unexpected element <${child.name}> (allowed here: ${order.join(', ')})`);
        } else if (idx < last) {
          problems.push(
            `${path}: <${child.name}> must come before <${order[last]}> (schema order: ${order.join(', ')})`,
          );
        } else last = idx;
      }
    }
    if (node.name === 'Namespace')
      problems.push(`${path}: remove <Namespace>; function names already hold their dot (LSTM.STEP)`);
    if (node.attrs.resid !== undefined) residUses.push({ resid: node.attrs.resid, path });
    if (node.name.startsWith('bt:') && node.attrs.id !== undefined) {
      if (ids.has(node.attrs.id)) problems.push(`${path}: duplicate resource id "${node.attrs.id}"`);
      ids.set(node.attrs.id, node.attrs.DefaultValue ?? '');
      if (node.name === 'bt:Image')
        urls.push({ url: node.attrs.DefaultValue ?? '', path: `${path}#${node.attrs.id}` });
      if (node.name === 'bt:Url')
        urls.push({ url: node.attrs.DefaultValue ?? '', path: `${path}#${node.attrs.id}` });
      if (node.attrs.id.length > 32)
        problems.push(`${path}: resource id "${node.attrs.id}" is longer than 32 characters`);
    }
    if (
      ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(node.name) &&
      node.attrs.DefaultValue
    ) {
      const size = node.name === 'IconUrl' ? 32 : node.name === 'HighResolutionIconUrl' ? 64 : undefined;
      urls.push({ url: node.attrs.DefaultValue, path, size });
    }
  });

  for (const use of residUses) {
    if (!ids.has(use.resid))
      problems.push(`${use.path}: resid "${use.resid}" does not match any resource id`);
  }

  // Icons referenced with a declared size must have it.
  walk(app, (node, path) => {
    if (node.name === 'bt:Image' && node.attrs.size && node.attrs.resid) {
      const url = ids.get(node.attrs.resid);
      if (url !== undefined) urls.push({ url, path, size: Number(node.attrs.size) });
    }
  });

  for (const { url, path, size } of urls) {
    if (!url.startsWith(opts.baseUrl)) {
      problems.push(`${path}: URL ${url} does not start with the base URL ${opts.baseUrl}`);
      continue;
    }
    const rel = url.slice(opts.baseUrl.length).split(/[?#]/)[0];
    if (!opts.fileExists(rel)) {
      problems.push(`${path}: URL ${url} points to ${rel}, which the build does not produce`);
      continue;
    }
    if (size !== undefined) {
      const bytes = opts.readFile(rel);
      if (!bytes) problems.push(`${path}: cannot read icon ${rel}`);
      else {
        const dim = imageSize(bytes);
        if (dim.width !== size || dim.height !== size)
          problems.push(`${path}: icon ${rel} is ${dim.width}×${dim.height}, declared ${size}×${size}`);
      }
    }
  }

  const text = (name: string) => app.children.find((c) => c.name === name)?.text ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text('Id')))
    problems.push('OfficeApp/Id must be a GUID');
  if (!/^\d+(\.\d+){0,3}$/.test(text('Version'))) problems.push('OfficeApp/Version must look like 1.0.0.0');
  if (text('Permissions') !== 'ReadWriteDocument')
    problems.push('OfficeApp/Permissions must be ReadWriteDocument (the least that can write sheets)');
  if (app.attrs['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp must have xsi:type="TaskPaneApp"');

  const sets = new Map<string, string>();
  walk(app, (node, path) => {
    if (node.name === 'Set' && path.startsWith('OfficeApp/Requirements'))
      sets.set(node.attrs.Name, node.attrs.MinVersion ?? '1.1');
  });
  for (const [name, min] of Object.entries(REQUIRED_SETS)) {
    const got = sets.get(name);
    if (!got) problems.push(`OfficeApp/Requirements must require ${name} ${min} or later`);
    else if (!versionAtLeast(got, min))
      problems.push(`OfficeApp/Requirements: ${name} ${got} is older than ${min}`);
  }

  let runtimeOk = false;
  let customFunctions = false;
  walk(app, (node) => {
    if (node.name === 'Runtime' && node.attrs.lifetime === 'long') runtimeOk = true;
    if (node.name === 'ExtensionPoint' && node.attrs['xsi:type'] === 'CustomFunctions')
      customFunctions = true;
  });
  if (!runtimeOk) problems.push('a shared runtime needs <Runtime resid="…" lifetime="long"/>');
  if (!customFunctions) problems.push('missing the CustomFunctions extension point');
  return problems;
}
