// The reports module: the dashboard figures and the device CSV export, read-only views over the other modules.
export { dashboard, type Dashboard } from './reports.dashboard.js';
export { streamDevicesCsv } from './reports.csv.js';
