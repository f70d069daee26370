/**
 * Task pane entry in Excel: waits for Office.js, then mounts the pane on an ExcelHost in
 * Office's display language and theme.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelHost } from '../src/host/excel-host';
import { officeLanguage, officeTheme } from './office-env';
import { resolveStoredPlan } from './resolve-plan';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const language = officeLanguage();
  const host = new ExcelHost({ language, resolvePlan: resolveStoredPlan });
  createRoot(container).render(<App host={host} language={language} theme={officeTheme()} />);
});
