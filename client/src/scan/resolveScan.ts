import { endpoints } from '../api/endpoints';
import type { ScanResultDto } from '../api/types';

export function scanCode(code: string): Promise<ScanResultDto> {
  return endpoints.scan(code);
}

/** Where a scanned thing lives in the client: a drive or certificate opens its device. */
export function routeForScan(result: ScanResultDto): string {
  switch (result.kind) {
    case 'device':
      return `/devices/${result.id}`;
    case 'drive':
      return `/devices/${result.deviceId}`;
    case 'donation':
      return `/donations/${result.id}`;
    case 'certificate':
      return `/devices/${result.deviceId}`;
    case 'batch':
      return `/batches/${result.id}`;
  }
}
