// The scan module: what a scanned barcode or QR code names (device, certificate or receipt).
export { resolveScan } from './scan.service.js';
export { scanCandidates } from './scan.normalize.js';
