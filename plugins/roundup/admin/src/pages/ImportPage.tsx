import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Typography,
} from '@strapi/design-system';
import { PluginPage } from '../components/PluginPage';
import { TextField } from '../components/TextField';
import { useImport, type CheckedPost } from '../hooks/useImport';
import { useT } from '../hooks/useT';

/** One uploaded post: its sections and links, then imported or refused, and what to fix. */
const PostReport = ({ item }: { item: CheckedPost }) => {
  const t = useT();
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2}>
          <Typography variant="delta" tag="h2">
            {item.file.name}
          </Typography>
          {item.result && (
            <Badge>
              {t('import.checked', '{sections} sections, {entries} links', {
                sections: item.result.sections,
                entries: item.result.entries,
              })}
            </Badge>
          )}
        </Flex>
        {item.imported && (
          <Alert variant="success" closeLabel="Close" title="">
            {t('import.done', 'Imported as {slug}', { slug: item.imported })}
          </Alert>
        )}
        {item.error && (
          <Alert variant="danger" closeLabel="Close" title="">
            {item.error}
          </Alert>
        )}
        {item.result?.problems.map((problem) => (
          <Typography key={problem.path} textColor="danger600">
            {problem.path}: {problem.message}
          </Typography>
        ))}
        {item.result?.warnings.map((warning, i) => (
          <Typography key={i} textColor="warning700">
            line {warning.line}: {warning.message}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};

/** Upload posts, see the dry run of each with its warnings, then import. */
const ImportPage = () => {
  const t = useT();
  const [files, setFiles] = React.useState<File[]>([]);
  const [date, setDate] = React.useState('');
  const [publish, setPublish] = React.useState(false);
  const [replace, setReplace] = React.useState(false);
  const { posts, busy, ready, importAll } = useImport(files, { date, publish, replace });

  return (
    <PluginPage
      title={t('import.title', 'Import roundups')}
      subtitle={t('import.subtitle', 'Upload Jekyll roundup posts (.md).')}
      primaryAction={
        <Button onClick={importAll} disabled={busy || ready.length === 0} loading={busy}>
          {t('import.button', 'Import {count} posts', { count: ready.length })}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="files">
              <Field.Label>{t('import.choose', 'Markdown files')}</Field.Label>
              <input
                type="file"
                accept=".md,.markdown,text/markdown"
                multiple
                aria-label="Markdown files"
                onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
              />
            </Field.Root>
            <TextField
              name="date"
              label={t('import.date', 'Date for posts without one')}
              value={date}
              onChange={setDate}
              placeholder="2020-07-31"
            />
            <Checkbox checked={publish} onCheckedChange={(value: boolean) => setPublish(value)}>
              {t('import.publish', 'Publish after import')}
            </Checkbox>
            <Checkbox checked={replace} onCheckedChange={(value: boolean) => setReplace(value)}>
              {t('import.replace', 'Replace roundups with the same slug')}
            </Checkbox>
          </Flex>
        </Box>
        {posts.map((item) => (
          <PostReport key={item.file.name} item={item} />
        ))}
      </Flex>
    </PluginPage>
  );
};

export default ImportPage;
