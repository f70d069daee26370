import { describe, expect, it } from 'vitest';
import { initMamba } from '../../src/core/mamba-block';
import { mambaToStateDict } from '../../src/core/mamba-state-dict';
import { initStack } from '../../src/core/stack';
import { stackToStateDict } from '../../src/core/state-dict';
import { contextFromStored } from '../../src/practice/context';
import { readStoredSheet } from '../../src/practice/metadata';
import type { ModelConfig, StateDictJson } from '../../src/sheets/model-spec';
import { specFor } from '../../src/sheets/registry';
import { walkthroughMetadata } from '../../taskpane/form';

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as StateDictJson;

/** Address and formula of every computed cell: what explain-this-cell relies on after a rebuild. */
const layout = (config: ModelConfig) =>
  specFor(config.model)
    .build(config)
    .cells.filter((c) => c.formula !== undefined)
    .map((c) => `${c.row},${c.col} ${c.formula}`);

describe('walkthrough metadata', () => {
  it('leaves recurrent weights out of the marker', () => {
    const d = specFor('rnn').defaults;
    const dict = json(stackToStateDict(initStack('rnn', d.inputSize, d.hiddenSize, 1, false, 3, 'torch')));
    const m = walkthroughMetadata({ ...d, stateDict: dict });
    expect(JSON.stringify(m)).not.toContain('weight_ih_l0');
    expect(m).toMatchObject({ mode: 'walkthrough', weights: 'state_dict' });
  });

  it('keeps Mamba block weights, whose dt_rank and d_conv shape the sheet, so a rebuild from the marker matches', () => {
    const d = specFor('mamba-block').defaults;
    const p = initMamba(
      { dModel: d.dModel, dInner: d.dInner, dState: d.stateSize, dtRank: 2, dConv: 3 },
      5,
      'torch',
    );
    const config: ModelConfig = { ...d, stateDict: json(mambaToStateDict(p)) };
    const stored = readStoredSheet({ name: 'Mamba block', metadata: json(walkthroughMetadata(config)) });
    expect(stored).not.toBeNull();
    const rebuilt = contextFromStored(stored!).walkthrough;
    expect(
      rebuilt.cells.filter((c) => c.formula !== undefined).map((c) => `${c.row},${c.col} ${c.formula}`),
    ).toEqual(layout(config));
    // Without the weights the seeded defaults (dt_rank 1, d_conv 4) would lay the sheet out differently.
    expect(layout(d)).not.toEqual(layout(config));
  });
});
