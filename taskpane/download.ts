/** Saving bytes as a file from the pane: a Blob link clicked once, then released. */
import type { SheetPlan } from '../src/sheets/plan';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SaveFile = (bytes: Uint8Array, fileName: string) => void;
export type ExportXlsx = (plan: SheetPlan) => Promise<Uint8Array>;

export const saveWithBrowser: SaveFile = (bytes, fileName) => {
  // Copied into a plain ArrayBuffer: a view over a shared buffer is not a valid BlobPart.
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns; release the URL a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Loaded on demand so the workbook writer is not part of the pane's first download. */
export const exportWithXlsxWriter: ExportXlsx = async (plan) => {
  const { planToXlsx } = await import('../src/host/xlsx');
  return planToXlsx(plan);
};

/** A file name from a sheet name: characters file systems refuse become '-'. */
export function xlsxFileName(base: string): string {
  const clean = base.replace(/[\\/:*?"<>|]/g, '-').trim() || 'sheet';
  return `${clean}.xlsx`;
}
