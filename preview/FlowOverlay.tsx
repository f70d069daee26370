/**
 * The plan's flows drawn over the grid: one dashed arrow per flow, from the range that
 * produced a state to the cells of the next step that read it, placed by the same rule
 * (flow-look.ts) as the Excel shapes, in the grid's pixels. The layer ignores the pointer,
 * so selecting and editing the cells underneath works as before; each arrow's label
 * ("← h₃ from t = 3") is its tooltip.
 */
import type { JSX } from 'react';
import { FLOW_COLOR, FLOW_WEIGHT, flowLine, type Rect, type ResolvedFlow } from '../src/host/flow-look';
import type { PlanRange } from '../src/sheets/plan';

interface Props {
  readonly flows: readonly ResolvedFlow[];
  /** The pixel rectangle of one cell (or its merged block). */
  readonly rectOf: (row: number, col: number) => Rect;
  readonly width: number;
  readonly height: number;
}

const MARKER_ID = 'flow-arrowhead';

/** The pixel rectangle a range covers. */
function rangeRect(rectOf: Props['rectOf'], r: PlanRange): Rect {
  const tl = rectOf(r.top, r.left);
  const br = rectOf(r.bottom, r.right);
  return {
    left: tl.left,
    top: tl.top,
    width: br.left + br.width - tl.left,
    height: br.top + br.height - tl.top,
  };
}

export function FlowOverlay({ flows, rectOf, width, height }: Props): JSX.Element | null {
  if (flows.length === 0) return null;
  return (
    <svg className="flow-overlay" width={width} height={height} aria-hidden="true" data-flows={flows.length}>
      <defs>
        <marker
          id={MARKER_ID}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={FLOW_COLOR} />
        </marker>
      </defs>
      {flows.map((f) => {
        const line = flowLine(rangeRect(rectOf, f.from), rangeRect(rectOf, f.to));
        return (
          <line
            key={f.name}
            className="flow"
            data-from={`${f.from.top},${f.from.left}`}
            data-to={`${f.to.top},${f.to.left}`}
            {...line}
            stroke={FLOW_COLOR}
            strokeWidth={FLOW_WEIGHT}
            strokeDasharray="5 3"
            markerEnd={`url(#${MARKER_ID})`}
          >
            <title>{f.label}</title>
          </line>
        );
      })}
    </svg>
  );
}
