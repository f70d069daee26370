/**
 * functions.json as the build generates it (custom-functions-metadata run on
 * functions/functions.ts), checked against the catalog; and the registration the build
 * adds (the metadata plugin's loader appends the `CustomFunctions.associate` calls).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const FUNCTIONS_FILE = resolve(__dirname, '../../functions/functions.ts');
const DOCS_FILE = resolve(__dirname, '../../docs/FUNCTIONS.md');

type Kind = 'range' | 'text' | 'number';
/** [name, kind, optional] per parameter, in order: the catalog of the design. */
type Param = readonly [string, Kind, boolean];
const r = (name: string): Param => [name, 'range', false];
const ro = (name: string): Param => [name, 'range', true];
const to = (name: string): Param => [name, 'text', true];
const n = (name: string): Param => [name, 'number', false];

const CATALOG: Record<string, readonly Param[]> = {
  'NN.SIGMOID': [r('x')],
  'NN.SOFTPLUS': [r('x')],
  'NN.SILU': [r('x')],
  'NN.INIT': [n('rows'), n('cols'), n('seed'), to('style')],
  'RNN.STEP': [r('x'), r('h_prev'), r('W_ih'), r('W_hh'), ro('b_ih'), ro('b_hh'), to('nonlinearity')],
  'RNN.SEQ': [r('X'), r('W_ih'), r('W_hh'), ro('b_ih'), ro('b_hh'), ro('h0'), to('nonlinearity')],
  'LSTM.STEP': [r('x'), r('h_prev'), r('c_prev'), r('W_ih'), r('W_hh'), ro('b_ih'), ro('b_hh'), to('output')],
  'LSTM.SEQ': [r('X'), r('W_ih'), r('W_hh'), ro('b_ih'), ro('b_hh'), ro('h0'), ro('c0'), to('output')],
  'RNN.BPTT': [
    r('X'),
    r('Y'),
    r('W_ih'),
    r('W_hh'),
    r('b_ih'),
    r('b_hh'),
    r('W_hy'),
    r('b_y'),
    ro('h0'),
    to('output'),
  ],
  'GRU.BPTT': [
    r('X'),
    r('Y'),
    r('W_ih'),
    r('W_hh'),
    r('b_ih'),
    r('b_hh'),
    r('W_hy'),
    r('b_y'),
    ro('h0'),
    to('output'),
  ],
  'LSTM.BPTT': [
    r('X'),
    r('Y'),
    r('W_ih'),
    r('W_hh'),
    r('b_ih'),
    r('b_hh'),
    r('W_hy'),
    r('b_y'),
    ro('h0'),
    ro('c0'),
    to('output'),
  ],
  'LSTM.SEQ2SEQ': [
    r('X'),
    r('Y_in'),
    r('enc_W_ih'),
    r('enc_W_hh'),
    r('enc_b_ih'),
    r('enc_b_hh'),
    r('dec_W_ih'),
    r('dec_W_hh'),
    r('dec_b_ih'),
    r('dec_b_hh'),
    r('W_hy'),
    ro('b_y'),
  ],
  'GRU.STEP': [r('x'), r('h_prev'), r('W_ih'), r('W_hh'), ro('b_ih'), ro('b_hh'), to('output')],
  'GRU.SEQ': [r('X'), r('W_ih'), r('W_hh'), ro('b_ih'), ro('b_hh'), ro('h0')],
  'MAMBA.DISCRETIZE': [r('delta'), r('A'), r('B'), to('method'), to('output')],
  'MAMBA.STEP': [
    r('u'),
    r('h_prev'),
    r('delta'),
    r('A'),
    r('B'),
    r('C'),
    ro('D'),
    to('method'),
    to('output'),
  ],
  'MAMBA.SCAN': [r('U'), r('Delta'), r('A'), r('B'), r('C'), ro('D'), ro('Z'), to('method'), to('output')],
  'MAMBA.BLOCK': [
    r('X'),
    r('W_in'),
    r('conv_w'),
    r('conv_b'),
    r('W_x'),
    r('W_dt'),
    r('b_dt'),
    r('A_log'),
    r('D'),
    r('W_out'),
    to('method'),
  ],
  'SLSTM.STEP': [
    r('x'),
    r('h_prev'),
    r('c_prev'),
    r('n_prev'),
    r('m_prev'),
    r('W'),
    r('R'),
    r('b'),
    to('forget'),
    to('output'),
  ],
  'SLSTM.SEQ': [r('X'), r('W'), r('R'), r('b'), to('forget')],
  'MLSTM.STEP': [
    r('q'),
    r('k'),
    r('v'),
    r('i_pre'),
    r('f_pre'),
    r('C_prev'),
    r('n_prev'),
    r('m_prev'),
    to('output'),
  ],
  'MLSTM.SEQ': [r('Q'), r('K'), r('V'), r('I_pre'), r('F_pre'), to('form')],
};

interface MetaParam {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetaParam[];
  result: { type?: string; dimensionality?: string };
}
interface Associate {
  sourceFileName: string;
  functionName: string;
  id: string;
}

let functions: MetaFunction[] = [];
let associate: Associate[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: MetaFunction[] }).functions;
  associate = result.associate as Associate[];
});

function anchor(name: string): string {
  return name.toLowerCase().replace('.', '-');
}

describe('functions.json', () => {
  it('lists exactly the catalog, names with the dot and no namespace', () => {
    expect(functions.map((f) => f.name).sort()).toEqual(Object.keys(CATALOG).sort());
    for (const f of functions) expect(f.id).toBe(f.name);
  });

  it.each(Object.entries(CATALOG))(
    '%s has the catalog parameters, each described, ranges as matrices',
    (name, params) => {
      const f = functions.find((g) => g.name === name);
      expect(f).toBeDefined();
      if (!f) return;
      expect(f.description?.trim()).toBeTruthy();
      expect(f.parameters.map((p) => p.name)).toEqual(params.map(([p]) => p));
      f.parameters.forEach((p, i) => {
        const [, kind, optional] = params[i];
        expect(p.description?.trim(), `${name} ${p.name}`).toBeTruthy();
        expect(p.optional === true, `${name} ${p.name} optional`).toBe(optional);
        if (kind === 'range') {
          expect(p.dimensionality).toBe('matrix');
          expect(p.type).toBe('any');
        } else {
          expect(p.dimensionality ?? 'scalar').toBe('scalar');
          expect(p.type).toBe(kind === 'text' ? 'string' : 'number');
        }
      });
      expect(f.result.dimensionality).toBe('matrix');
      expect(f.result.type).toBe('number');
    },
  );

  it('every help link points at an anchor of docs/FUNCTIONS.md', () => {
    const docs = readFileSync(DOCS_FILE, 'utf8');
    for (const f of functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/help/functions.html#${anchor(f.name)}`);
      expect(docs, f.name).toContain(`<a id="${anchor(f.name)}"></a>`);
    }
  });
});

describe('registration', () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it('importing functions.ts in Node (no CustomFunctions global) does not throw', async () => {
    expect(typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBe('undefined');
    const mod = await import('../../functions/functions');
    expect(typeof mod.excelLstmStep).toBe('function');
  });

  it('the build associates each function exactly once, with an exported wrapper', async () => {
    const source = readFileSync(FUNCTIONS_FILE, 'utf8');
    // The plugin's loader adds the calls; a call written in the file would double them.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/CustomFunctions\s*\.\s*associate\s*\(/);

    const Plugin = require('custom-functions-metadata-plugin/lib/customfunctionsplugin.js') as {
      generateResults: Record<string, unknown>;
    };
    const loader = require('custom-functions-metadata-plugin/lib/loader.js') as (
      this: unknown,
      s: string,
    ) => string;
    Plugin.generateResults[FUNCTIONS_FILE] = { associate, errors: [], metadataJson: '' };
    const built = loader.call(
      { getOptions: () => ({ input: FUNCTIONS_FILE, file: FUNCTIONS_FILE }) },
      source,
    );
    delete Plugin.generateResults[FUNCTIONS_FILE];
    const calls = [
      ...built.slice(source.length).matchAll(/CustomFunctions\.associate\("([^"]+)", (\w+)\);/g),
    ];

    const mod = (await import('../../functions/functions')) as unknown as Record<string, unknown>;
    const registered = new Map<string, unknown>();
    const fake = {
      associate(id: string, fn: unknown): void {
        expect(registered.has(id), `${id} associated twice`).toBe(false);
        registered.set(id, fn);
      },
    };
    for (const [, id, fnName] of calls) {
      expect(typeof mod[fnName], fnName).toBe('function');
      fake.associate(id, mod[fnName]);
    }
    expect([...registered.keys()].sort()).toEqual(Object.keys(CATALOG).sort());
  });

  it('inside Excel the wrappers throw the runtime error type, with #VALUE! or #NUM!', async () => {
    class FakeExcelError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: FakeExcelError,
      ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
    };
    const mod = await import('../../functions/functions');
    const caught = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const bad = caught(() => mod.excelLstmStep([[1]], [[0]], [[0]], [[1], [2]], [[1]]));
    expect(bad).toBeInstanceOf(FakeExcelError);
    expect((bad as FakeExcelError).code).toBe('#VALUE!');
    expect((bad as FakeExcelError).message).toMatch(/W_hh/);
    const nan = caught(() => mod.excelNnSigmoid([[1, Number.NaN]]));
    expect(nan).toBeInstanceOf(FakeExcelError);
    expect((nan as FakeExcelError).code).toBe('#VALUE!');
    expect((nan as FakeExcelError).message).toMatch(/non-finite/);
    expect(mod.excelNnSigmoid([[0]])).toEqual([[0.5]]);
  });
});
