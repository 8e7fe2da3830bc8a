// The figures module: the read model of every figure people act on (spec §11 "live figures", the shared guide §4a).
// Counters are rows updated by the transaction that changes the data, never a per-process cache:
//   figure_devices(status, site_id, type, intake_month) → n        every device now; a device's region is its
//                                                                   site's, joined from `sites` when read
//   figure_sites(site_id) → drives_sanitized, recycled_kg          by the device's current site
//   figure_handover_facts(allocation_id, …)                        one row per handover, with who and where at
//                                                                   that moment (kind, partner, region, site)
//   figure_handovers(month, programme, kind, partner, region, site) → handovers, served
//   figure_stage_spans(device_id, end_seq, stage, …, seconds)      one row per stage a device left
// Writers (devices: intake, changeStatus, move, hardware report; sanitization: record, confirm; allocations:
// handover) call the record… functions with their transaction; counter updates run as the transaction's last
// statements (figures.record.ts). A `return` moves the device back to intake (its counts and a span) but leaves
// the handover and the person served counted: the allocation stays handed over. rebuildFigures() recounts
// everything from the source tables, reports drift and repairs it (`npm run reports:rebuild`, the test oracle).
// This module imports no other module: devices, sanitization and allocations call it.
export {
  recordDevicesCreated,
  recordStatusChange,
  recordDeviceChanged,
  recordSanitizations,
  recordHandover,
  type StatusChangeFacts,
} from './figures.record.js';
export { rebuildFigures, rebuildFiguresIn, recount, type Drift } from './figures.rebuild.js';
export { programmeFigures, servedByMonth, type ProgrammeFigures } from './figures.programmes.js';
export {
  ASSUMED_WEIGHT_KG,
  co2eFactorFor,
  deviceCounts,
  deviceSummary,
  deviceTotal,
  handoverCounts,
  handoversOf,
  partnerFigures,
  custodyCounts,
  impactOf,
  IN_WORKSHOP,
  medianDaysPerStage,
  monthsEndingAt,
  regionFigures,
  siteTotals,
  type FigureFilters,
  type RegionFigures,
} from './figures.read.js';
