import { Route, Routes } from 'react-router-dom';
import { ACTIONS, permission } from '../../../shared/permissions';
import { protect } from '../components/protect';
import EditorPage from './EditorPage';
import ImportPage from './ImportPage';
import NotFoundPage from './NotFoundPage';
import RoundupsPage from './RoundupsPage';

const READ = [permission(ACTIONS.read)];
const IMPORT = [permission(ACTIONS.import)];

/**
 * The Roundups section of the admin panel: the list, one roundup's page, and the
 * Markdown import; any other address below it says there is no such page. Link
 * health has a menu link, and so a route, of its own (`LinkHealthApp`): the admin
 * panel matches it before this section's.
 */
const App = () => (
  <Routes>
    <Route index element={protect(READ, <RoundupsPage />)} />
    <Route path="import" element={protect(IMPORT, <ImportPage />)} />
    <Route path=":documentId" element={protect(READ, <EditorPage />)} />
    <Route path="*" element={protect(READ, <NotFoundPage />)} />
  </Routes>
);

export default App;
