// The one entry point: recognise the report, run its parser, refuse a report that says nothing usable.
import { AppError, UnprocessableError } from '../../lib/errors.js';
import { runOffThread } from '../../lib/worker-pool.js';
import { boundResult } from './hardware.bounds.js';
import { detectFormat, type Detected } from './hardware.detect.js';
import { parseDmidecode } from './hardware.dmidecode.js';
import { parseWorkbenchData } from './hardware.ereuse.js';
import { parseLshw } from './hardware.lshw.js';
import { hasUsableData, mergeResults, type SourceResult } from './hardware.merge.js';
import { parseSmartctl } from './hardware.smartctl.js';
import { parseWorkbench11 } from './hardware.workbench11.js';
import type { ParsedReport } from './hardware.types.js';

function parseDetected(detected: Detected): SourceResult {
  switch (detected.format) {
    case 'dmidecode':
      return parseDmidecode(detected.text);
    case 'lshw':
      return parseLshw(detected.json);
    case 'smartctl':
      return parseSmartctl(detected.entries);
    case 'workbench11':
      return parseWorkbench11(detected.snapshot);
    case 'workbench-script':
    case 'workbench-legacy':
      return parseWorkbenchData(detected.snapshot);
  }
}

/**
 * Parses an uploaded hardware report. Throws UnsupportedTypeError (415) for content in no known format and
 * UnprocessableError REPORT_INVALID (422) for a known format that is corrupt or holds nothing usable.
 */
export function parseHardwareReport(content: Buffer): ParsedReport {
  const detected = detectFormat(content);
  let result: SourceResult;
  try {
    // Merging a single result still folds together entries for the same drive (an NVMe controller and its
    // namespace read separately by smartctl) and repeated warnings.
    result = boundResult(mergeResults([parseDetected(detected)]), detected.format);
  } catch (error) {
    // Parsers narrow every value they read, so this is a last guard: odd input must never become a 500.
    if (error instanceof AppError) throw error;
    throw new UnprocessableError('REPORT_INVALID', `The ${detected.format} report could not be read.`, {
      format: detected.format,
    });
  }
  if (!hasUsableData(result)) {
    throw new UnprocessableError(
      'REPORT_INVALID',
      `The ${detected.format} report names no device, drive or erasure that Nimah can use.`,
      { format: detected.format, warnings: result.warnings },
    );
  }
  return { format: detected.format, ...result };
}

/** parseHardwareReport in a worker thread, within PARSE_TIMEOUT_MS: what the upload route uses. */
export function readHardwareReport(content: Buffer): Promise<ParsedReport> {
  return runOffThread<ParsedReport>(import.meta.url, 'parseHardwareReport', [content], { field: 'file' });
}
