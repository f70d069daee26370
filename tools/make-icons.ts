/**
 * Draws the add-in's ribbon and store icons (16, 32, 64, 80 px): three time steps joined
 * by a recurrent arrow. Run once with `npx tsx tools/make-icons.ts`; the PNGs are committed.
 * Drawn analytically (signed distances, 4×4 supersampling) so every size stays crisp.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';

const BG = [15, 108, 189]; // Office blue, readable on light and dark ribbons
const FG = [255, 255, 255];
const ACCENT = [255, 209, 102];

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at a point in the unit square, or null for transparent. */
function shade(x: number, y: number): number[] | null {
  const r = 0.18;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (Math.hypot(qx, qy) > r) return null;
  const centres = [0.2, 0.5, 0.8];
  for (const cx of centres) if (Math.hypot(x - cx, y - 0.62) < 0.1) return cx === 0.8 ? ACCENT : FG;
  if (y > 0.6 && y < 0.64 && x > 0.2 && x < 0.8) return FG;
  // the recurrent loop above the middle step
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.36) - 0.14);
  if (ring < 0.035 && y < 0.46) return FG;
  if (segmentDistance(x, y, 0.64, 0.38, 0.6, 0.46) < 0.03) return FG;
  return BG;
}

function render(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const ss = 4;
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      const acc = [0, 0, 0, 0];
      for (let sj = 0; sj < ss; sj++)
        for (let si = 0; si < ss; si++) {
          const c = shade((i + (si + 0.5) / ss) / size, (j + (sj + 0.5) / ss) / size);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 1;
        }
      const k = (j * size + i) * 4;
      const n = acc[3];
      png.data[k] = n ? Math.round(acc[0] / n) : 0;
      png.data[k + 1] = n ? Math.round(acc[1] / n) : 0;
      png.data[k + 2] = n ? Math.round(acc[2] / n) : 0;
      png.data[k + 3] = Math.round((255 * n) / (ss * ss));
    }
  return PNG.sync.write(png);
}

mkdirSync('assets', { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, render(size));
console.log('wrote assets/icon-{16,32,64,80,128}.png');
