/** Re-renders a component whenever the preview workbook changes. */
import { useSyncExternalStore } from 'react';
import type { PreviewWorkbook } from '../src/host/preview-workbook';

export function useWorkbookVersion(workbook: PreviewWorkbook): number {
  return useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.version,
  );
}
