import { Route, Routes } from 'react-router-dom';
import BuildHooksPage from './BuildHooksPage';
import NotFoundPage from './NotFoundPage';

/** Settings → Roundup → Build hooks; any other address below it says there is no such page. */
const BuildHooksApp = () => (
  <Routes>
    <Route index element={<BuildHooksPage />} />
    <Route path="*" element={<NotFoundPage />} />
  </Routes>
);

export default BuildHooksApp;
