import { ACTIONS, permission } from '../../../shared/permissions';
import { protect } from './protect';
import LinkHealthPage from './LinkHealthPage';

const LINK_HEALTH = [permission(ACTIONS.linkHealth)];

/** The Link health menu entry's page, for administrators with the link-health action. */
const LinkHealthApp = () => protect(LINK_HEALTH, <LinkHealthPage />);

export default LinkHealthApp;
