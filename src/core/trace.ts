/**
 * A trace records every named intermediate of a forward pass by time step:
 * `tensors[name][t]` is that tensor at step t, flattened row-major when it is a
 * matrix (its shape is in `shapes[name]`). Sheets display traces and tests compare
 * sheets against them, so names are part of each model's public contract.
 */
export interface Trace {
  readonly steps: number;
  readonly tensors: Record<string, Float64Array[]>;
  readonly shapes: Record<string, readonly number[]>;
}

export class TraceRecorder {
  private readonly tensors: Record<string, Float64Array[]> = {};
  private readonly shapes: Record<string, readonly number[]> = {};
  constructor(private readonly steps: number) {}

  /** Stores a copy: callers reuse their buffers between steps. */
  record(
    name: string,
    t: number,
    values: ArrayLike<number>,
    shape: readonly number[] = [values.length],
  ): void {
    let list = this.tensors[name];
    if (!list) {
      list = this.tensors[name] = new Array<Float64Array>(this.steps);
      this.shapes[name] = shape;
    }
    list[t] = Float64Array.from(values as ArrayLike<number>);
  }

  finish(): Trace {
    return { steps: this.steps, tensors: this.tensors, shapes: this.shapes };
  }
}
