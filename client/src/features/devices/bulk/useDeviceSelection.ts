import { useCallback, useMemo, useState } from 'react';
import type { DeviceDto } from '../../../api/types';
import type { SelectedDevice } from './bulkApi';

export interface DeviceSelection {
  /** id → the version the user saw when selecting it (the server compares it). */
  selected: ReadonlyMap<number, number>;
  /** Set when the selection is "all matching this filter" (its total). */
  allMatching: number | null;
  toggle: (device: DeviceDto) => void;
  setPage: (devices: DeviceDto[], on: boolean) => void;
  replace: (items: SelectedDevice[]) => void;
  clear: () => void;
  list: SelectedDevice[];
}

/** The list's selection; a new filter starts a new selection (`filterKey` changes). */
export function useDeviceSelection(filterKey: string): DeviceSelection {
  const [selected, setSelected] = useState<Map<number, number>>(() => new Map());
  const [allMatching, setAllMatching] = useState<number | null>(null);
  const clear = useCallback(() => {
    setSelected(new Map());
    setAllMatching(null);
  }, []);
  // A new filter starts a new selection: adjusted while rendering (React's pattern for state derived from a prop).
  const [forKey, setForKey] = useState(filterKey);
  if (forKey !== filterKey) {
    setForKey(filterKey);
    clear();
  }
  const toggle = useCallback((d: DeviceDto) => {
    setAllMatching(null);
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(d.id)) next.delete(d.id);
      else next.set(d.id, d.version);
      return next;
    });
  }, []);
  const setPage = useCallback((devices: DeviceDto[], on: boolean) => {
    setAllMatching(null);
    setSelected((prev) => {
      const next = new Map(prev);
      for (const d of devices) {
        if (on) next.set(d.id, d.version);
        else next.delete(d.id);
      }
      return next;
    });
  }, []);
  const replace = useCallback((items: SelectedDevice[]) => {
    setSelected(new Map(items.map((i) => [i.id, i.version])));
    setAllMatching(items.length);
  }, []);
  const list = useMemo(() => [...selected].map(([id, version]) => ({ id, version })), [selected]);
  return { selected, allMatching, toggle, setPage, replace, clear, list };
}
