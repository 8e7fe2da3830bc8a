import { Route, Routes } from 'react-router';
import PartnerHomePage from './PartnerHomePage';
import PartnerHandoverPage from './PartnerHandoverPage';
import PartnerAllocationPage from './PartnerAllocationPage';

// One lazy route in App.tsx for the whole of /partner, and one chunk for its three screens (see BatchRoutes).

/** A partner association's screens: its home, a new onward handover, one handover and its certificate. */
export default function PartnerRoutes() {
  return (
    <Routes>
      <Route index element={<PartnerHomePage />} />
      <Route path="handover" element={<PartnerHandoverPage />} />
      <Route path="handovers/:id" element={<PartnerAllocationPage />} />
    </Routes>
  );
}
