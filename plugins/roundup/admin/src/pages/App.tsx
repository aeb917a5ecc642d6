import type { ReactNode } from 'react';
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import EditorPage from './EditorPage';
import ImportPage from './ImportPage';
import LinkHealthPage from './LinkHealthPage';
import RoundupsPage from './RoundupsPage';

const READ = [{ action: 'plugin::roundup.read', subject: null }];
const IMPORT = [{ action: 'plugin::roundup.import', subject: null }];
const LINK_HEALTH = [{ action: 'plugin::roundup.link-health', subject: null }];

const protect = (permissions: typeof READ, page: ReactNode) => <Page.Protect permissions={permissions}>{page}</Page.Protect>;

/** The Roundups section of the admin panel: the list, one roundup's page, and the Markdown import. */
const App = () => (
  <Routes>
    <Route index element={protect(READ, <RoundupsPage />)} />
    <Route path="import" element={protect(IMPORT, <ImportPage />)} />
    <Route path="link-health" element={protect(LINK_HEALTH, <LinkHealthPage />)} />
    <Route path=":documentId" element={protect(READ, <EditorPage />)} />
  </Routes>
);

export default App;
