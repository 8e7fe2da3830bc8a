import { useCallback, useEffect, useRef, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { api, ApiError } from '../../api/http';
import type {
  BatchRefusal,
  BatchRefusalDto,
  DeviceDetailDto,
  DeviceDto,
  ScanNotFoundDetails,
  ScanResultDto,
} from '../../api/types';
import { beep } from '../../scan/feedback';

/** A device on the batch being built, as the list shows it. */
export interface PickedDevice {
  id: number;
  assetTag: string;
  status: string;
  type: string | null;
  manufacturer: string | null;
  model: string | null;
  /** The partner holding it, when it is in a partner's custody (the server refuses such a device too). */
  custodyPartner: string | null;
  /** Why the server refused it on the last submit: a 409 reason, or `missing` for an id it does not know (422). */
  refusal: { reason: BatchRefusal | 'missing'; message: string } | null;
}

/** What a scan said besides adding a device: shown beside the input, newest first. */
export interface ScanNotice {
  id: number;
  kind: 'duplicate' | 'notFound' | 'notDevice' | 'error';
  code: string;
  message?: string;
}

const MAX_NOTICES = 6;

function fromDevice(d: DeviceDto | DeviceDetailDto): PickedDevice {
  const custody = 'custody' in d ? d.custody : null;
  return {
    id: d.id,
    assetTag: d.assetTag,
    status: d.status,
    type: d.type,
    manufacturer: d.manufacturer,
    model: d.model,
    custodyPartner: custody ? custody.partnerName : null,
    refusal: null,
  };
}

/**
 * The devices of a batch being built, fed by a scanner at speed and by picks from a list.
 *
 * A USB scanner types a code in ~100 ms and the next one follows at once: each code is queued as soon as its Enter
 * arrives and the queue is resolved one code at a time (GET /api/scan/:code, then the device for its model and
 * custody), so nothing typed waits on the network and nothing is resolved twice. A code that names a device already
 * on the list is ignored with a notice, as is one that names nothing or something other than a device.
 */
export function usePicklist() {
  const [devices, setDevices] = useState<PickedDevice[]>([]);
  // The list as the queue sees it between renders: a scan resolved while the previous one has not rendered yet must
  // still see it, or a code scanned twice in a row would be added twice.
  const listRef = useRef<PickedDevice[]>([]);
  const [notices, setNotices] = useState<ScanNotice[]>([]);
  const [pending, setPending] = useState(0);
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const alive = useRef(true);
  const noticeId = useRef(0);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const update = useCallback((next: (list: PickedDevice[]) => PickedDevice[]) => {
    listRef.current = next(listRef.current);
    setDevices(listRef.current);
  }, []);

  // A low tone for a code that adds nothing, as at the intake bench: the person scanning need not look at the screen.
  const notify = useCallback((notice: Omit<ScanNotice, 'id'>) => {
    beep(false);
    noticeId.current += 1;
    const n = { ...notice, id: noticeId.current };
    setNotices((list) => [n, ...list].slice(0, MAX_NOTICES));
  }, []);

  const resolveOne = useCallback(
    async (code: string) => {
      let found: ScanResultDto;
      try {
        found = await endpoints.scan(code);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) {
          const details = (err.details ?? {}) as ScanNotFoundDetails;
          notify({ kind: 'notFound', code: details.normalized ?? code });
        } else notify({ kind: 'error', code, message: err instanceof Error ? err.message : String(err) });
        return;
      }
      if (found.kind !== 'device') {
        notify({ kind: 'notDevice', code });
        return;
      }
      if (listRef.current.some((d) => d.id === found.id)) {
        notify({ kind: 'duplicate', code: found.assetTag });
        return;
      }
      let picked: PickedDevice = {
        id: found.id,
        assetTag: found.assetTag,
        status: found.status,
        type: null,
        manufacturer: null,
        model: null,
        custodyPartner: null,
        refusal: null,
      };
      try {
        // The model and custody come with the device itself; without them the row still stands on the scan's answer.
        picked = fromDevice(await api<DeviceDetailDto>(`/api/devices/${found.id}`));
      } catch {
        // The scan answered: the device exists, and the server judges it again on submit.
      }
      if (listRef.current.some((d) => d.id === picked.id)) {
        notify({ kind: 'duplicate', code: picked.assetTag });
        return;
      }
      update((list) => [...list, picked]);
      beep(true);
    },
    [notify, update],
  );

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (queue.current.length > 0 && alive.current) {
        const code = queue.current.shift()!;
        setPending(queue.current.length + 1);
        await resolveOne(code);
        if (alive.current) setPending(queue.current.length);
      }
    } finally {
      running.current = false;
    }
  }, [resolveOne]);

  /** A code as the scanner typed it: queued at once, resolved in turn. */
  const enqueue = useCallback(
    (code: string) => {
      queue.current.push(code);
      setPending(queue.current.length + (running.current ? 1 : 0));
      void drain();
    },
    [drain],
  );

  /** Devices picked from the ready list; those already on it are named once. */
  const addMany = useCallback(
    (picked: DeviceDto[]) => {
      const fresh = picked.filter((d) => !listRef.current.some((x) => x.id === d.id));
      for (const d of picked) if (!fresh.includes(d)) notify({ kind: 'duplicate', code: d.assetTag });
      if (fresh.length) update((list) => [...list, ...fresh.map(fromDevice)]);
    },
    [notify, update],
  );

  const remove = useCallback((id: number) => update((list) => list.filter((d) => d.id !== id)), [update]);
  const removeRefused = useCallback(() => update((list) => list.filter((d) => !d.refusal)), [update]);

  /** Marks the devices the server refused (409 BATCH_DEVICES_UNAVAILABLE), clearing older marks. */
  const markRefused = useCallback(
    (refusals: BatchRefusalDto[], missingIds: number[] = []) => {
      update((list) =>
        list.map((d) => {
          const r = refusals.find((x) => x.deviceId === d.id);
          if (r) return { ...d, status: r.status || d.status, refusal: { reason: r.reason, message: r.message } };
          if (missingIds.includes(d.id)) return { ...d, refusal: { reason: 'missing', message: 'does not exist' } };
          return d.refusal ? { ...d, refusal: null } : d;
        }),
      );
    },
    [update],
  );

  return {
    devices,
    notices,
    /** Codes typed but not resolved yet (the one being resolved included until it is done). */
    pending,
    enqueue,
    addMany,
    remove,
    removeRefused,
    markRefused,
    dismissNotices: () => setNotices([]),
    /** The ids on the list now (not as of the last render): what a submit sends. */
    currentIds: () => listRef.current.map((d) => d.id),
  };
}
