import { Route, Routes } from 'react-router';
import { MANAGERS, STAFF } from '../../api/types';
import { RoleGate } from '../../components/RoleGate';
import ProgrammeListPage from '../programmes/ProgrammeListPage';
import ProgrammePage from '../programmes/ProgrammePage';
import ProgrammeWaitlistPage from '../programmes/ProgrammeWaitlistPage';
import AttendancePage from './AttendancePage';
import CourseFormPage from './CourseFormPage';
import CourseListPage from './CourseListPage';
import CoursePage from './CoursePage';

// One lazy import in App.tsx for /courses and /programmes, and one chunk for their screens: the first screen's
// JavaScript carries one import and its list of chunks to preload, not seven (the technician's landing screen is at its
// budget, scripts/bundle-size.mjs). A stub chunk lazily importing the screens was tried: it changes how the bundler
// groups shared modules and costs the first screen more, not less.

/** /courses (staff: technicians take attendance; managers create, enrol and drop) and /programmes (managers). */
export default function TrainingRoutes({ area }: { area: 'courses' | 'programmes' }) {
  if (area === 'programmes')
    return (
      <RoleGate roles={MANAGERS}>
        <Routes>
          <Route index element={<ProgrammeListPage />} />
          <Route path=":id" element={<ProgrammePage />} />
          <Route path=":id/waitlist" element={<ProgrammeWaitlistPage />} />
        </Routes>
      </RoleGate>
    );
  return (
    <Routes>
      <Route index element={<CourseListPage />} />
      <Route
        path="new"
        element={
          <RoleGate roles={MANAGERS}>
            <CourseFormPage />
          </RoleGate>
        }
      />
      <Route path=":id" element={<CoursePage />} />
      <Route
        path=":id/edit"
        element={
          <RoleGate roles={MANAGERS}>
            <CourseFormPage />
          </RoleGate>
        }
      />
      <Route
        path=":id/sessions/:sessionId/attendance"
        element={
          <RoleGate roles={STAFF}>
            <AttendancePage />
          </RoleGate>
        }
      />
    </Routes>
  );
}
