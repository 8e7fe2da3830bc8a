// Public surface of the hardware module: pure parsers for hardware reports, no database and no HTTP.
export { parseHardwareReport, readHardwareReport } from './hardware.report.js';
export type {
  DeviceType,
  MediaType,
  ParsedDevice,
  ParsedDrive,
  ParsedErasure,
  ParsedReport,
  ReportFormat,
  SanitizationTechnique,
} from './hardware.types.js';
