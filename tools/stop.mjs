/** `npm stop`: unregister the sideloaded add-in and stop the dev server started by `npm start`. */
import { hasDesktopExcel, hasLocalOfficeDebugging, runOfficeDebugging } from './office-tools.mjs';

// Only where `npm start` sideloads (desktop Excel, or a local copy of the tool): elsewhere
// there is nothing to unregister, and fetching the tool just to find that out is waste.
if (hasDesktopExcel() || hasLocalOfficeDebugging())
  process.exit(await runOfficeDebugging(['stop', 'manifest.xml']));
console.log('Nothing to stop: the add-in was not sideloaded here (the preview stops with Ctrl+C).');
