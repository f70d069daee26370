/**
 * `npm start`: sideload into desktop Excel where there is one (Windows, Mac), into Excel
 * on the web with `npm start -- --web <document-url>`, and otherwise (Linux, CI, no
 * Excel) serve the preview, which runs the whole add-in in a browser without Excel.
 * `npm start -- --preview` forces the preview anywhere.
 */
import { hasDesktopExcel, hasOfficeDebugging, runOfficeDebugging } from './office-tools.mjs';

const args = process.argv.slice(2);
const webIdx = args.indexOf('--web');
const common = ['--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000'];

if (webIdx >= 0) {
  const documentUrl = args[webIdx + 1];
  if (!documentUrl) {
    console.error('Usage: npm start -- --web <URL of a workbook in OneDrive or SharePoint>');
    process.exit(2);
  }
  if (!hasOfficeDebugging()) {
    console.error(
      'npx cannot run office-addin-debugging here; sideload dist/manifest.xml by hand (see README).',
    );
    process.exit(1);
  }
  process.exit(
    await runOfficeDebugging(['start', 'manifest.xml', 'web', '--document', documentUrl, ...common]),
  );
} else if (!args.includes('--preview') && hasDesktopExcel() && hasOfficeDebugging()) {
  process.exit(await runOfficeDebugging(['start', 'manifest.xml', 'desktop', ...common]));
} else {
  const why = !hasDesktopExcel()
    ? `no desktop Excel on ${process.platform}`
    : args.includes('--preview')
      ? 'preview requested'
      : 'npx cannot run office-addin-debugging';
  console.log(
    `Starting the preview (${why}): the task pane and a live workbook in your browser, no Excel needed.`,
  );
  const { startPreview } = await import('./preview.mjs');
  await startPreview({ port: Number(process.env.PREVIEW_PORT || 3001) });
}
