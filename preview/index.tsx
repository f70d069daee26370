/**
 * Entry of the preview page. No office.js is loaded here: the pane gets a PreviewHost,
 * so nothing on this page reaches beyond its own origin.
 */
import { createRoot } from 'react-dom/client';
import { PreviewHost } from '../src/host/preview-host';
import { PreviewWorkbook } from '../src/host/preview-workbook';
import { isLanguage, LANGUAGE_TAGS } from '../src/i18n';
import { installPreviewFunctions } from './functions-catalogue';
import { PreviewApp } from './PreviewApp';
import './preview.css';

const missing = installPreviewFunctions();
if (missing.length > 0) console.warn(`custom functions without an implementation: ${missing.join(', ')}`);

const workbook = new PreviewWorkbook();
workbook.addSheet('Sheet1');
workbook.select('Sheet1', 0, 0);
const host = new PreviewHost(workbook);
const asked = new URLSearchParams(window.location.search).get('lang');
const language = isLanguage(asked) ? asked : 'en';
document.documentElement.lang = LANGUAGE_TAGS[language];

// Scripts and the browser tests read cells through the same host the pane uses.
(window as unknown as { previewHost: PreviewHost }).previewHost = host;

const container = document.getElementById('root');
if (!container) throw new Error('preview.html has no #root element');
createRoot(container).render(<PreviewApp host={host} language={language} />);
