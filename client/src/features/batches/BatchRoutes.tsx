import { Route, Routes } from 'react-router';
import { MANAGERS } from '../../api/types';
import { RoleGate } from '../../components/RoleGate';
import BatchListPage from './BatchListPage';
import BatchBuilderPage from './BatchBuilderPage';
import BatchPage from './BatchPage';

// One lazy route in App.tsx for the whole of /batches, and one chunk for its three screens: the first screen's
// JavaScript carries one import, not three (the technician's landing screen is at its budget, scripts/bundle-size.mjs).

/** /batches (every staff role reads; managers build, hand over and cancel). */
export default function BatchRoutes() {
  return (
    <Routes>
      <Route index element={<BatchListPage />} />
      <Route
        path="new"
        element={
          <RoleGate roles={MANAGERS}>
            <BatchBuilderPage />
          </RoleGate>
        }
      />
      <Route path=":id" element={<BatchPage />} />
    </Routes>
  );
}
