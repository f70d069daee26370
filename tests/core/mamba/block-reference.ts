/**
 * An independent Mamba block written with plain number arrays, token by token, exactly as
 * the equations read (state-spaces/mamba's reference path): nothing from src/core.
 */
export interface PlainMamba {
  in_proj: number[][];
  conv_w: number[][];
  conv_b: number[];
  x_proj: number[][];
  dt_proj_w: number[][];
  dt_proj_b: number[];
  A_log: number[][];
  D: number[];
  out_proj: number[][];
}

export type PlainSteps = Record<string, number[][]>;

const dot = (w: number[], x: number[]): number => w.reduce((s, wi, i) => s + wi * x[i], 0);
const mv = (W: number[][], x: number[]): number[] => W.map((r) => dot(r, x));
const silu = (x: number): number => x / (1 + Math.exp(-x));
// softplus by its definition; above 30, ln(1 + e^x) equals x to double precision and
// e^x would overflow further up.
const softplus = (x: number): number => (x > 30 ? x : Math.log1p(Math.exp(x)));

export function referenceBlock(p: PlainMamba, X: number[][], method: 'zoh' | 'euler'): PlainSteps {
  const E = p.D.length;
  const N = p.A_log[0].length;
  const R = p.dt_proj_w[0].length;
  const K = p.conv_w[0].length;
  const steps: PlainSteps = {};
  const push = (name: string, v: number[]) => (steps[name] ??= []).push(v);
  // The last K inputs to the conv, oldest first, zero before the sequence starts.
  const window: number[][] = Array.from({ length: K }, () => new Array(E).fill(0));
  const h: number[][] = Array.from({ length: E }, () => new Array(N).fill(0));
  for (const token of X) {
    const xz = mv(p.in_proj, token);
    const xIn = xz.slice(0, E);
    const z = xz.slice(E);
    window.shift();
    window.push(xIn);
    const conv = xIn.map(
      (_, c) => p.conv_b[c] + window.reduce((s, past, k) => s + p.conv_w[c][k] * past[c], 0),
    );
    const u = conv.map(silu);
    const dbl = mv(p.x_proj, u);
    const dtLow = dbl.slice(0, R);
    const B = dbl.slice(R, R + N);
    const C = dbl.slice(R + N);
    const dtPre = mv(p.dt_proj_w, dtLow).map((v, c) => v + p.dt_proj_b[c]);
    const delta = dtPre.map(softplus);
    const Abar: number[] = [];
    const Bbar: number[] = [];
    const y: number[] = [];
    for (let c = 0; c < E; c++) {
      let yc = p.D[c] * u[c];
      for (let n = 0; n < N; n++) {
        const A = -Math.exp(p.A_log[c][n]);
        const ab = Math.exp(delta[c] * A);
        const bb = method === 'zoh' ? ((ab - 1) / A) * B[n] : delta[c] * B[n];
        h[c][n] = ab * h[c][n] + bb * u[c];
        Abar.push(ab);
        Bbar.push(bb);
        yc += C[n] * h[c][n];
      }
      y.push(yc);
    }
    const gate = z.map(silu);
    const yGated = y.map((v, c) => v * gate[c]);
    push('x', token);
    push('x_in', xIn);
    push('z', z);
    push('conv', conv);
    push('u', u);
    push('dt_low', dtLow);
    push('B', B);
    push('C', C);
    push('dt_pre', dtPre);
    push('delta', delta);
    push('Abar', Abar);
    push('Bbar', Bbar);
    push('h', h.flat());
    push('y', y);
    push('gate', gate);
    push('y_gated', yGated);
    push('out', mv(p.out_proj, yGated));
  }
  return steps;
}
