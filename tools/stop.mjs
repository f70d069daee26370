/** `npm stop`: unregister the sideloaded add-in and stop the dev server started by `npm start`. */
import { hasOfficeDebugging, runOfficeDebugging } from './office-tools.mjs';

if (hasOfficeDebugging()) process.exit(await runOfficeDebugging(['stop', 'manifest.xml']));
console.log('Nothing to stop: the add-in was not sideloaded here (the preview stops with Ctrl+C).');
