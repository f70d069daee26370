/**
 * Random backward-pass cases and the comparison of a backward implementation with central
 * differences of the independent reference loss, tensor by tensor. The mutation tests
 * hand in deliberately broken implementations to the same comparison.
 */
import { initLstm, type LstmParams } from '../../../src/core/lstm';
import { lstmBackward, type LstmBackwardResult } from '../../../src/core/lstm-backward';
import type { OutputHead } from '../../../src/core/output-head';
import { initRnn, type Nonlinearity, type RnnParams } from '../../../src/core/rnn';
import { rnnBackward, type RnnBackwardResult } from '../../../src/core/rnn-backward';
import { matrix } from '../../../src/core/tensor';
import { testValues } from '../recurrent/reference';
import { fdStates, fdTensor, referenceLoss, relativeError, type BpttCase } from './fd-reference';

export interface CaseShape {
  readonly I: number;
  readonly H: number;
  readonly O: number;
  readonly T: number;
  readonly seed: number;
}

export function makeCase(kind: 'rnn' | 'lstm', s: CaseShape, nonlinearity: Nonlinearity = 'tanh'): BpttCase {
  const p =
    kind === 'rnn' ? initRnn(s.I, s.H, s.seed, 'torch', nonlinearity) : initLstm(s.I, s.H, s.seed, 'torch');
  const v = (k: number, n: number, scale = 1) => Float64Array.from(testValues(s.seed + k, n, scale));
  const head: OutputHead = { W_hy: matrix(s.O, s.H, v(1, s.O * s.H)), b_y: v(2, s.O, 0.5) };
  return {
    kind,
    p,
    head,
    X: matrix(s.T, s.I, v(3, s.T * s.I, 1.5)),
    Y: matrix(s.T, s.O, v(4, s.T * s.O)),
    h0: v(5, s.H, 0.8),
    c0: v(6, s.H, 0.8),
  };
}

export type AnyBackward = (c: BpttCase) => RnnBackwardResult | LstmBackwardResult;

export const coreRnn: AnyBackward = (c) => rnnBackward(c.p as RnnParams, c.head, c.X, c.Y, c.h0);
export const coreLstm: AnyBackward = (c) => lstmBackward(c.p as LstmParams, c.head, c.X, c.Y, c.h0, c.c0);

/** Relative error of every gradient the backward pass gives, by name. */
export function gradientErrors(c: BpttCase, backward: AnyBackward): Record<string, number> {
  const r = backward(c);
  const g = r.grads;
  const bias = fdTensor(c, c.p.b_ih as Float64Array);
  const errors: Record<string, number> = {
    loss: Math.abs(r.loss - referenceLoss(c)) / Math.max(1, referenceLoss(c)),
    W_ih: relativeError(g.W_ih.data, fdTensor(c, c.p.W_ih.data)),
    W_hh: relativeError(g.W_hh.data, fdTensor(c, c.p.W_hh.data)),
    b_ih: relativeError(g.b_ih, bias),
    b_hh: relativeError(g.b_hh, fdTensor(c, c.p.b_hh as Float64Array)),
    W_hy: relativeError(g.W_hy.data, fdTensor(c, c.head.W_hy.data)),
    b_y: relativeError(g.b_y, fdTensor(c, c.head.b_y as Float64Array)),
    h0: relativeError(g.h0, fdTensor(c, c.h0)),
    dh: relativeError(r.dh.data, fdStates(c, 'h')),
  };
  if ('dc' in r) {
    errors.c0 = relativeError((g as LstmBackwardResult['grads']).c0, fdTensor(c, c.c0));
    errors.dc = relativeError(r.dc.data, fdStates(c, 'c'));
  }
  return errors;
}
