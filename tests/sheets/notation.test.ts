import { describe, expect, it } from 'vitest';
import { readable } from '../../src/sheets/notation';

describe('plain-cell notation', () => {
  it('writes time indices as subscripts', () => {
    expect(readable('h_{t−1}')).toBe('hₜ₋₁');
    expect(readable('c_{t+1}')).toBe('cₜ₊₁');
    expect(readable('x_t')).toBe('xₜ');
    expect(readable('m_1 = ĩ_1')).toBe('m₁ = ĩ₁');
    expect(readable('h_0 = 0')).toBe('h₀ = 0');
    expect(readable('log f_j')).toBe('log fⱼ');
    expect(readable('Σ_s S')).toBe('Σₛ S');
    expect(readable('k_tᵀ')).toBe('kₜᵀ');
    expect(readable('x_in_{t−3}')).toBe('x_inₜ₋₃');
  });

  it('leaves identifiers alone', () => {
    for (const id of [
      'W_ih',
      'b_hn',
      'dt_bias',
      'x_proj',
      'in_proj',
      'A_log',
      'd_model',
      'W_q',
      'state_dict',
      'y_gated',
      'dt_rank',
      'x_in',
    ])
      expect(readable(id)).toBe(id);
    expect(readable('z = in_proj[last d_inner rows] · x_t')).toBe('z = in_proj[last d_inner rows] · xₜ');
  });

  it('turns TeX exponents into parentheses', () => {
    expect(readable('ln(1 + e^{−|·|})')).toBe('ln(1 + e^(−|·|))');
    expect(readable('max(|n_tᵀ q_t|, e^{−m_t})')).toBe('max(|nₜᵀ qₜ|, e^(−mₜ))');
  });

  it('keeps a braced index it cannot subscript readable, without braces', () => {
    expect(readable('Σ_{j≤t}')).toBe('Σ_(j≤t)');
  });

  it('leaves text without notation unchanged', () => {
    for (const text of ['Legend', '图例', 'small integers −2…2', 't = 3', '[x;h;1]', 'softplus'])
      expect(readable(text)).toBe(text);
  });
});
