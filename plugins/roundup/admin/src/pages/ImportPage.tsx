import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../utils/useT';
import { errorMessage } from './api';

interface Checked {
  file: File;
  markdown: string;
  result?: {
    sections: number;
    entries: number;
    warnings: { line: number; message: string }[];
    problems: { path: string; message: string }[];
  };
  error?: string;
  imported?: string;
}

/** Upload posts, see the dry run of each with its warnings, then import. */
const ImportPage = () => {
  const t = useT();
  const { post } = useFetchClient();
  const [posts, setPosts] = React.useState<Checked[]>([]);
  const [publish, setPublish] = React.useState(false);
  const [replace, setReplace] = React.useState(false);
  const [date, setDate] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [files, setFiles] = React.useState<File[]>([]);

  const send = (item: Checked, dryRun: boolean) =>
    post<NonNullable<Checked['result']> & { slug: string }>('/roundup/import', {
      markdown: item.markdown,
      fileName: item.file.name,
      ...(date ? { date } : {}),
      publish,
      replace,
      dryRun,
    });

  const check = async (chosen: File[]) => {
    setBusy(true);
    const checked: Checked[] = [];
    for (const file of chosen) {
      const item: Checked = { file, markdown: await file.text() };
      try {
        item.result = (await send(item, true)).data;
      } catch (error) {
        item.error = errorMessage(error);
      }
      checked.push(item);
    }
    setPosts(checked);
    setBusy(false);
  };

  // The dry run depends on the date given for posts without one: check again when it changes.
  React.useEffect(() => {
    if (files.length) void check(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `check` is a new function each render and reads `date` itself; the files and the date are what the dry run depends on
  }, [files, date]);

  const importAll = async () => {
    setBusy(true);
    const next: Checked[] = [];
    for (const item of posts) {
      try {
        const { data } = await send(item, false);
        next.push({ ...item, imported: data.slug, error: undefined });
      } catch (error) {
        next.push({ ...item, error: errorMessage(error) });
      }
    }
    setPosts(next);
    setBusy(false);
  };

  const ready = posts.filter((p) => p.result && !p.imported && p.result.problems.length === 0);

  return (
    <Page.Main>
      <Page.Title>{t('import.title', 'Import roundups')}</Page.Title>
      <Layouts.Header
        title={t('import.title', 'Import roundups')}
        subtitle={t('import.subtitle', 'Upload Jekyll roundup posts (.md).')}
        primaryAction={
          <Button onClick={importAll} disabled={busy || ready.length === 0} loading={busy}>
            {t('import.button', 'Import {count} posts', { count: ready.length })}
          </Button>
        }
      />
      <Layouts.Content>
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
              <Field.Root name="date">
                <Field.Label>{t('import.date', 'Date for posts without one')}</Field.Label>
                <TextInput
                  value={date}
                  placeholder="2020-07-31"
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDate(e.target.value)}
                />
              </Field.Root>
              <Checkbox checked={publish} onCheckedChange={(value: boolean) => setPublish(value)}>
                {t('import.publish', 'Publish after import')}
              </Checkbox>
              <Checkbox checked={replace} onCheckedChange={(value: boolean) => setReplace(value)}>
                {t('import.replace', 'Replace roundups with the same slug')}
              </Checkbox>
            </Flex>
          </Box>
          {posts.map((item) => (
            <Box
              key={item.file.name}
              background="neutral0"
              padding={6}
              shadow="filterShadow"
              hasRadius
            >
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
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportPage;
