/**
 * Loading and saving a Mamba block with mamba_ssm's `Mamba` state_dict names, so a layer
 * exported from PyTorch (`{k: v.tolist() for k, v in mixer.state_dict().items()}`) pastes
 * straight in. Sizes are inferred from in_proj, A_log, dt_proj and conv1d; every other
 * tensor is then read against the shape those sizes imply.
 */
import type { MambaParams } from './mamba-block';
import {
  readMatrix,
  readTensor,
  shapeOf,
  ShapeError,
  matrixToJson,
  type StateDict,
} from './state-dict-tensor';
import { matrix } from './tensor';

/**
 * The shape of a tensor whose sizes are not known yet (they are inferred from it), or a
 * ShapeError naming it and the shape it should have, in words, when it is not `rank`-D.
 */
function inferDims(dict: StateDict, name: string, rank: number, described: string): number[] {
  const got = shapeOf(dict[name]);
  if (typeof got !== 'string' && got.length === rank && got.every((d) => d >= 1)) return got;
  throw shapeErrorInWords(name, described, got);
}

function shapeErrorInWords(name: string, described: string, got: readonly number[] | string): ShapeError {
  const e = new ShapeError(name, [], got);
  e.message = `${name} must have shape ${described}; got ${typeof got === 'string' ? got : `(${got.join(', ')})`}`;
  return e;
}

/** mamba_ssm's defaults have no in_proj/out_proj bias; refuse one rather than drop it. */
const UNSUPPORTED = ['in_proj.bias', 'out_proj.bias'];

export function mambaFromStateDict(dict: StateDict): MambaParams {
  for (const name of UNSUPPORTED) {
    if (dict[name] !== undefined)
      throw new Error(`${name} is not supported: the Mamba block here has no ${name.split('.')[0]} bias`);
  }
  const [twoE, dModel] = inferDims(dict, 'in_proj.weight', 2, '(2·d_inner, d_model)');
  if (twoE % 2 !== 0) {
    throw shapeErrorInWords('in_proj.weight', '(2·d_inner, d_model) with an even row count', [twoE, dModel]);
  }
  const dInner = twoE / 2;
  const dState = inferDims(dict, 'A_log', 2, '(d_inner, d_state)')[1];
  const dtRank = inferDims(dict, 'dt_proj.weight', 2, '(d_inner, dt_rank)')[1];
  const convShape = shapeOf(dict['conv1d.weight']);
  // PyTorch stores the depthwise kernel as (d_inner, 1, d_conv); a 2-D (d_inner, d_conv)
  // export is accepted too, since it holds the same numbers in the same order.
  const conv3d = typeof convShape !== 'string' && convShape.length === 3;
  const dConv = inferDims(dict, 'conv1d.weight', conv3d ? 3 : 2, '(d_inner, 1, d_conv)')[conv3d ? 2 : 1];
  const conv_w = conv3d
    ? matrix(dInner, dConv, readTensor(dict, 'conv1d.weight', [dInner, 1, dConv]))
    : readMatrix(dict, 'conv1d.weight', dInner, dConv);
  const dims = { dModel, dInner, dState, dtRank, dConv };
  return {
    ...dims,
    in_proj: readMatrix(dict, 'in_proj.weight', 2 * dInner, dModel),
    conv_w,
    conv_b: readTensor(dict, 'conv1d.bias', [dInner]),
    x_proj: readMatrix(dict, 'x_proj.weight', dtRank + 2 * dState, dInner),
    dt_proj_w: readMatrix(dict, 'dt_proj.weight', dInner, dtRank),
    dt_proj_b: readTensor(dict, 'dt_proj.bias', [dInner]),
    A_log: readMatrix(dict, 'A_log', dInner, dState),
    D: readTensor(dict, 'D', [dInner]),
    out_proj: readMatrix(dict, 'out_proj.weight', dModel, dInner),
  };
}

/** Nested arrays in PyTorch's shapes, conv1d.weight as (d_inner, 1, d_conv). */
export function mambaToStateDict(p: MambaParams): Record<string, number[] | number[][] | number[][][]> {
  return {
    A_log: matrixToJson(p.A_log),
    D: Array.from(p.D),
    'in_proj.weight': matrixToJson(p.in_proj),
    'conv1d.weight': matrixToJson(p.conv_w).map((r) => [r]),
    'conv1d.bias': Array.from(p.conv_b),
    'x_proj.weight': matrixToJson(p.x_proj),
    'dt_proj.weight': matrixToJson(p.dt_proj_w),
    'dt_proj.bias': Array.from(p.dt_proj_b),
    'out_proj.weight': matrixToJson(p.out_proj),
  };
}
