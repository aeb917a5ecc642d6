import { Route, Routes } from 'react-router-dom';
import { ACTIONS, permission } from '../../../shared/permissions';
import { protect } from '../components/protect';
import LinkHealthPage from './LinkHealthPage';
import NotFoundPage from './NotFoundPage';

const LINK_HEALTH = [permission(ACTIONS.linkHealth)];

/** The Link health menu entry's page, for administrators with the link-health action. */
const LinkHealthApp = () => (
  <Routes>
    <Route index element={protect(LINK_HEALTH, <LinkHealthPage />)} />
    <Route path="*" element={protect(LINK_HEALTH, <NotFoundPage />)} />
  </Routes>
);

export default LinkHealthApp;
