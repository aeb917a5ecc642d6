import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import EditorPage from './EditorPage';
import ImportPage from './ImportPage';
import RoundupsPage from './RoundupsPage';

const READ = [{ action: 'plugin::roundup.read', subject: null }];
const IMPORT = [{ action: 'plugin::roundup.import', subject: null }];

/** The Roundups section of the admin panel: the list, one roundup's page, and the Markdown import. */
const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={READ}>
          <RoundupsPage />
        </Page.Protect>
      }
    />
    <Route
      path="import"
      element={
        <Page.Protect permissions={IMPORT}>
          <ImportPage />
        </Page.Protect>
      }
    />
    <Route
      path=":documentId"
      element={
        <Page.Protect permissions={READ}>
          <EditorPage />
        </Page.Protect>
      }
    />
  </Routes>
);

export default App;
