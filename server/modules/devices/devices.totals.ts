// Totals of filtered device lists, exact on every call and every instance (spec §11), no per-process cache. A
// filter of status, site and type only is a sum over the read model's counter rows (figure_devices, a few rows
// instead of COUNT(*) over ~20,000 index entries for `status=ready` at 100,000 devices); any other filter (a
// donation, a text search) is counted afresh.
import type { WhereOptions } from 'sequelize';
import { deviceTotal } from '../figures/index.js';
import { Device } from './devices.model.js';

export interface TotalFilter {
  status?: readonly string[];
  type?: string;
  siteId?: number;
  donationId?: number;
  q?: string;
}

/** The number of devices matching the filter; `where` is the same filter as a WHERE (used when not only counters). */
export function countDevices(filter: TotalFilter, where: WhereOptions<Device>): Promise<number> {
  if (filter.donationId === undefined && !filter.q)
    return deviceTotal({ statuses: filter.status, siteId: filter.siteId, type: filter.type });
  return Device.count({ where });
}
