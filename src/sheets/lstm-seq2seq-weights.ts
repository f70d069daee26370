/**
 * The encoder–decoder sheet's numbers: its weights (seeded, or a pasted PyTorch
 * state_dict of a module holding `encoder` and `decoder` nn.LSTMs and an `fc` or `out`
 * nn.Linear head), its inputs, and the core's trace recomputed from the values read off
 * the sheet. Sheet parameter names: enc_W_ih … dec_b_hh (PyTorch layout), W_hy, b_y, x
 * (T_src × I), y_in (T_tgt × O, teacher forcing) or y_start (O, feed back).
 */
import type { LstmParams } from '../core/lstm';
import {
  initLstmSeq2seq,
  lstmSeq2seqFeedBack,
  lstmSeq2seqForward,
  lstmSeq2seqTrace,
  type LstmSeq2seqParams,
} from '../core/lstm-seq2seq';
import { stackFromStateDict } from '../core/state-dict';
import { readMatrix, readTensor, type StateDict } from '../core/state-dict-tensor';
import { matrix, type Matrix } from '../core/tensor';
import type { Trace } from '../core/trace';
import { t } from '../i18n';
import { seededInput } from './inputs';
import type { Seq2seqConfig } from './model-spec';
import { requireParam } from './params';
import { withLargestMagnitude, withRunningProduct } from './teach-trace';

export const FEED_BACK = 'feed-back';

/** Trace of the hand-over's size: flat 0 the largest |h₀|, flat 1 the largest |c₀| (step 0). */
export const HANDOVER_MAX = 'handover_max';

export interface Seq2seqSizes {
  readonly I: number;
  readonly H: number;
  readonly O: number;
  readonly Ts: number;
  readonly Tt: number;
}

export function sizesOf(config: Seq2seqConfig): Seq2seqSizes {
  return {
    I: config.inputSize,
    H: config.hiddenSize,
    O: config.outputSize ?? 1,
    Ts: config.steps,
    Tt: config.targetSteps ?? 1,
  };
}

export function feedsBack(config: Seq2seqConfig): boolean {
  return config.variant === FEED_BACK;
}

const HEADS = ['fc.', 'out.'];

/** The tensors under `prefix`, with the prefix removed. */
function under(dict: StateDict, prefix: string): StateDict {
  const out: StateDict = {};
  for (const [k, v] of Object.entries(dict)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

/** One plain single-layer LSTM from `<prefix>weight_ih_l0` …; anything else is refused by name. */
function lstmUnder(dict: StateDict, prefix: string): LstmParams {
  const sub = under(dict, prefix);
  if (Object.keys(sub).length === 0)
    throw new Error(`no ${prefix}weight_ih_l0 … tensors (an nn.LSTM named ${prefix.slice(0, -1)})`);
  const p = stackFromStateDict('lstm', sub);
  if (p.numLayers !== 1 || p.bidirectional)
    throw new Error(`${prefix.slice(0, -1)} must be a one-layer, one-directional nn.LSTM`);
  const cell = p.layers[0][0] as LstmParams;
  if (cell.peephole) throw new Error(`${prefix.slice(0, -1)} must be a plain nn.LSTM (no peephole tensors)`);
  return cell;
}

/** Weights from a pasted state_dict: encoder.*, decoder.* and fc.* (or out.*). */
export function paramsFromStateDict(dict: StateDict): LstmSeq2seqParams {
  const head = HEADS.find((h) => `${h}weight` in dict);
  if (!head) throw new Error('no head: expected fc.weight (or out.weight), O × H');
  const known = ['encoder.', 'decoder.', head];
  const extra = Object.keys(dict).filter((k) => !known.some((p) => k.startsWith(p)));
  if (extra.length > 0)
    throw new Error(`unexpected tensor(s) ${extra.join(', ')} (expected encoder.*, decoder.*, ${head}*)`);
  const encoder = lstmUnder(dict, 'encoder.');
  const decoder = lstmUnder(dict, 'decoder.');
  const H = encoder.hiddenSize;
  const O = (dict[`${head}weight`] as unknown[]).length;
  const W_hy = readMatrix(dict, `${head}weight`, O, H);
  const b_y = `${head}bias` in dict ? readTensor(dict, `${head}bias`, [O]) : new Float64Array(O);
  return { encoder, decoder, W_hy, b_y };
}

export function sheetParams(config: Seq2seqConfig): LstmSeq2seqParams {
  if (config.stateDict) return paramsFromStateDict(config.stateDict);
  const { I, H, O } = sizesOf(config);
  return initLstmSeq2seq(I, H, O, config.seed, config.init);
}

/** The source X, the teacher-forced Y_in and the feed-back start vector a fresh sheet shows. */
export function sheetInputs(config: Seq2seqConfig): { X: Matrix; Yin: Matrix; start: Matrix } {
  const { I, O, Ts, Tt } = sizesOf(config);
  return {
    X: seededInput(Ts, I, config.seed, config.init),
    Yin: seededInput(Tt, O, config.seed + 1, config.init),
    start: seededInput(1, O, config.seed + 2, config.init),
  };
}

type SizeName = 'I' | 'H' | 'O' | 'decoderInput';

/** A pasted state_dict must load, have one H, and match the sizes the sheet is asked for. */
export function stateDictProblems(config: Seq2seqConfig): string[] {
  if (!config.stateDict) return [];
  const lang = config.language;
  const p = paramsFromStateDict(config.stateDict);
  const { I, H, O } = sizesOf(config);
  const pairs: [SizeName, number, number][] = [
    ['I', p.encoder.inputSize, I],
    ['H', p.encoder.hiddenSize, H],
    ['H', p.decoder.hiddenSize, H],
    ['O', p.W_hy.rows, O],
    ['decoderInput', p.decoder.inputSize, O],
  ];
  return pairs
    .filter(([, dict, asked]) => dict !== asked)
    .map(([what, dict, asked]) =>
      t(lang, 'sheets.seq2seq.dictMismatch', { what: t(lang, `sheets.seq2seq.size.${what}`), dict, asked }),
    );
}

function lstmFrom(
  params: Readonly<Record<string, Float64Array>>,
  prefix: string,
  I: number,
  H: number,
): LstmParams {
  const G = 4 * H;
  return {
    inputSize: I,
    hiddenSize: H,
    W_ih: matrix(G, I, requireParam(params, `${prefix}W_ih`, G * I)),
    W_hh: matrix(G, H, requireParam(params, `${prefix}W_hh`, G * H)),
    b_ih: requireParam(params, `${prefix}b_ih`, G),
    b_hh: requireParam(params, `${prefix}b_hh`, G),
  };
}

/** The core's trace for the values read off a sheet. */
export function evaluateSeq2seq(
  config: Seq2seqConfig,
  params: Readonly<Record<string, Float64Array>>,
): Trace {
  const { I, H, O, Ts, Tt } = sizesOf(config);
  const p: LstmSeq2seqParams = {
    encoder: lstmFrom(params, 'enc_', I, H),
    decoder: lstmFrom(params, 'dec_', O, H),
    W_hy: matrix(O, H, requireParam(params, 'W_hy', O * H)),
    b_y: requireParam(params, 'b_y', O),
  };
  const X = matrix(Ts, I, requireParam(params, 'x', Ts * I));
  const run = feedsBack(config)
    ? lstmSeq2seqFeedBack(p, X, requireParam(params, 'y_start', O), Tt)
    : lstmSeq2seqForward(p, X, matrix(Tt, O, requireParam(params, 'y_in', Tt * O)));
  // ∏f of each LSTM: how much of its first step's memory is left; the hand-over's size,
  // the gauge of the "What to try" box (teach-trace.ts).
  const trace = lstmSeq2seqTrace(p, X, run);
  const kept = withRunningProduct(withRunningProduct(trace, 'enc_f', 'enc_f_keep'), 'dec_f', 'dec_f_keep');
  return withLargestMagnitude(kept, ['handover_h', 'handover_c'], HANDOVER_MAX);
}
